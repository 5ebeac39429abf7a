using FleetGen.Client.Models;

namespace FleetGen.Client.Tests.Support;

/// <summary>Kubeconfigs as the service returns them, with real certificates from <see cref="TestCertificates"/>.</summary>
internal static class KubeconfigSamples
{
    public static Kubeconfig Federation(TestCertificates pki, string server, string name = "federation")
    {
        using var client = pki.IssueClient();
        return new Kubeconfig
        {
            Kind = "Config",
            ApiVersion = "v1",
            Clusters = [new NamedCluster { Name = $"{name}-cluster", Cluster = new ClusterCert { Server = server, CertificateAuthorityData = TestCertificates.Base64Pem(pki.Authority) } }],
            Users = [new NamedAuthInfo { Name = $"{name}-user", User = new AuthInfo { ClientCertificateData = TestCertificates.Base64Pem(client), ClientKeyData = TestCertificates.Base64KeyPem(client) } }],
            Contexts = [new NamedContext { Name = name, Context = new Context { Cluster = $"{name}-cluster", User = $"{name}-user" } }],
            CurrentContext = name,
        };
    }
}
