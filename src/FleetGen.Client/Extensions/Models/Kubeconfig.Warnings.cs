using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>
    /// What in this kubeconfig weakens or stops the connection to its clusters: verification switched off, a plain http
    /// server, no certificate authority, a client certificate not valid yet (judged by this machine's clock). Empty when
    /// there is nothing to report. Computed from the content each time.
    /// </summary>
    public IReadOnlyList<KubeconfigWarning> GetSecurityWarnings() => GetSecurityWarnings(DateTimeOffset.UtcNow);

    /// <summary>The warnings of <see cref="GetSecurityWarnings()"/>, with certificates' validity judged at <paramref name="now"/>.</summary>
    public IReadOnlyList<KubeconfigWarning> GetSecurityWarnings(DateTimeOffset now)
    {
        var warnings = new List<KubeconfigWarning>();
        foreach (var named in Clusters ?? [])
        {
            if (named.Cluster is not { } cluster)
            {
                continue;
            }

            var entry = $"clusters[\"{named.Name}\"]";
            if (SkipsVerification(cluster))
            {
                warnings.Add(new(entry, KubeconfigWarningKind.InsecureSkipTlsVerify, "insecure-skip-tls-verify is true: the server's certificate will not be checked"));
            }

            if (Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) && server.Scheme == Uri.UriSchemeHttp)
            {
                warnings.Add(new(entry, KubeconfigWarningKind.PlainHttpServer, $"the server {server.GetLeftPart(UriPartial.Authority)} is plain http: requests and credentials travel unencrypted"));
            }
            else if (string.IsNullOrEmpty(cluster.CertificateAuthorityData))
            {
                warnings.Add(new(entry, KubeconfigWarningKind.NoCertificateAuthority, "no certificate-authority-data: the server is checked against this machine's trusted roots instead of the fleet's CA"));
            }
        }

        foreach (var named in Users ?? [])
        {
            if (PemText.FromBase64Field(named.User?.ClientCertificateData) is { } certificate && PemText.TryReadValidity(certificate, out var notBefore, out _) && now < notBefore)
            {
                warnings.Add(new($"users[\"{named.Name}\"]", KubeconfigWarningKind.ClientCertificateNotYetValid, $"the client certificate is not valid before {Credentials.FederationClientCredential.Rfc3339(notBefore)}: the server refuses it until then (is the service's clock or this machine's wrong?)"));
            }
        }

        return warnings;
    }

    private static bool SkipsVerification(ClusterCert cluster) =>
        cluster.InsecureSkipTlsVerify is { } skip && (skip.Boolean == true || (bool.TryParse(skip.String?.Trim(), out var parsed) && parsed));
}
