using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FleetGen.Client.Models;

namespace FleetGen.Testing;

/// <summary>
/// A certificate authority made in memory (ECDSA P-256), valid long enough for the longest certificate the contract
/// allows: it issues the server certificate of <see cref="FakeKubernetesEndpoint"/> and the client certificates of
/// the kubeconfigs that <see cref="FakeUcsServer"/> returns.
/// </summary>
public sealed class FakeCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TimeProvider time;

    /// <summary>Creates the authority, named <paramref name="name"/>.</summary>
    public FakeCertificateAuthority(string name = "FleetGen Fake UCS CA", TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        var now = this.time.GetUtcNow();
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(1830));
    }

    /// <summary>The authority's own certificate, to trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The authority's certificate as base64 of its PEM, the form of <c>certificate-authority-data</c>.</summary>
    public string CertificateData => ToBase64Pem(Certificate);

    /// <summary>A server certificate for 127.0.0.1 and localhost, valid for a day.</summary>
    public X509Certificate2 IssueServerCertificate() =>
        Issue("CN=127.0.0.1", ServerAuthentication, TimeSpan.FromDays(1), names =>
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
        });

    /// <summary>A client certificate (with its private key) for <paramref name="commonName"/>, valid for <paramref name="validity"/>.</summary>
    public X509Certificate2 IssueClientCertificate(string commonName, TimeSpan validity) =>
        Issue($"CN={commonName}", ClientAuthentication, validity, configureNames: null);

    /// <summary>
    /// A kubeconfig that passes every check of FleetGen.Client (one cluster, user and context named <paramref name="name"/>,
    /// this authority as CA, a client certificate with its key valid for <paramref name="validity"/>, one day by default),
    /// e.g. for a mocked <c>FleetClient</c> whose answer is then merged or saved.
    /// </summary>
    public Kubeconfig IssueKubeconfig(string name = "fake-fleet", string server = "https://127.0.0.1:6443", TimeSpan? validity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        using var client = IssueClientCertificate($"fleetgen-fake:{name}", validity ?? TimeSpan.FromDays(1));
        return new Kubeconfig
        {
            Kind = "Config",
            ApiVersion = "v1",
            Clusters = [new NamedCluster { Name = name, Cluster = new ClusterCert { Server = server, CertificateAuthorityData = CertificateData } }],
            Users = [new NamedAuthInfo { Name = name, User = new AuthInfo { ClientCertificateData = ToBase64Pem(client), ClientKeyData = PrivateKeyToBase64Pem(client) } }],
            Contexts = [new NamedContext { Name = name, Context = new Context { Cluster = name, User = name } }],
            CurrentContext = name,
        };
    }

    /// <summary>In one line: a valid kubeconfig (see <see cref="IssueKubeconfig"/>) from an authority made and disposed for it.</summary>
    public static Kubeconfig CreateKubeconfig(string name = "fake-fleet", string server = "https://127.0.0.1:6443")
    {
        using var authority = new FakeCertificateAuthority();
        return authority.IssueKubeconfig(name, server);
    }

    /// <summary>Whether <paramref name="certificate"/> was issued by this authority (and chains to it alone).</summary>
    public bool IsIssuerOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        return chain.Build(certificate);
    }

    /// <summary>A certificate as base64 of its PEM (<c>certificate-authority-data</c>, <c>client-certificate-data</c>).</summary>
    public static string ToBase64Pem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
    }

    /// <summary>A certificate's private key as base64 of its PKCS#8 PEM (<c>client-key-data</c>).</summary>
    public static string PrivateKeyToBase64Pem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var privateKey = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate has no ECDSA private key.", nameof(certificate));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(privateKey.ExportPkcs8PrivateKeyPem()));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }

    private X509Certificate2 Issue(string subject, Oid usage, TimeSpan validity, Action<SubjectAlternativeNameBuilder>? configureNames)
    {
        using var certificateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, certificateKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (configureNames is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            configureNames(names);
            request.CertificateExtensions.Add(names.Build());
        }

        var now = time.GetUtcNow();
        var notAfter = now + validity;
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = Certificate.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return issued.CopyWithPrivateKey(certificateKey);
    }
}
