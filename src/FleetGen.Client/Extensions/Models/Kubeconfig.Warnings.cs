using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>
    /// What in this kubeconfig weakens the connection to its clusters: verification switched off, a plain http server,
    /// no certificate authority. Empty when there is nothing to report. Computed from the content each time.
    /// </summary>
    public IReadOnlyList<KubeconfigWarning> GetSecurityWarnings()
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

        return warnings;
    }

    private static bool SkipsVerification(ClusterCert cluster) =>
        cluster.InsecureSkipTlsVerify is { } skip && (skip.Boolean == true || (bool.TryParse(skip.String?.Trim(), out var parsed) && parsed));
}
