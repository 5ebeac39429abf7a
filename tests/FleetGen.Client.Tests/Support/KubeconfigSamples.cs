using FleetGen.Client.Models;

using FleetGen.Testing;

namespace FleetGen.Client.Tests.Support;

/// <summary>Kubeconfigs as the service returns them, with real certificates from <see cref="FakeCertificateAuthority"/>.</summary>
internal static class KubeconfigSamples
{
    public static Kubeconfig Federation(FakeCertificateAuthority pki, string server, string name = "federation")
    {
        using var client = pki.IssueClientCertificate("fleetgen-user", TimeSpan.FromDays(1));
        return new Kubeconfig
        {
            Kind = "Config",
            ApiVersion = "v1",
            Clusters = [new NamedCluster { Name = $"{name}-cluster", Cluster = new ClusterCert { Server = server, CertificateAuthorityData = FakeCertificateAuthority.ToBase64Pem(pki.Certificate) } }],
            Users = [new NamedAuthInfo { Name = $"{name}-user", User = new AuthInfo { ClientCertificateData = FakeCertificateAuthority.ToBase64Pem(client), ClientKeyData = FakeCertificateAuthority.PrivateKeyToBase64Pem(client) } }],
            Contexts = [new NamedContext { Name = name, Context = new Context { Cluster = $"{name}-cluster", User = $"{name}-user" } }],
            CurrentContext = name,
        };
    }
}
