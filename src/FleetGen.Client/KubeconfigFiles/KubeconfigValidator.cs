using System.Text;
using FleetGen.Client.Models;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// The rules a kubeconfig must meet before it is returned to a caller or written to a file, each stated once. Every
/// pass is linear in the number of entries (names are looked up in sets), so a hostile answer cannot make it slow.
/// </summary>
internal static class KubeconfigValidator
{
    /// <summary>Entries, names, references, server URLs, base64 fields, certificates and keys in PEM, keys that match their certificates.</summary>
    public static List<string> Problems(Kubeconfig config)
    {
        var problems = new List<string>();
        var clusters = Names("clusters", config.Clusters?.Select(c => c.Name), problems);
        var users = Names("users", config.Users?.Select(u => u.Name), problems);
        var contexts = Names("contexts", config.Contexts?.Select(c => c.Name), problems);

        foreach (var (entry, cluster) in Entries("clusters", config.Clusters, c => c.Name))
        {
            CheckCluster(entry, cluster.Cluster, problems);
        }

        foreach (var (entry, user) in Entries("users", config.Users, u => u.Name))
        {
            CheckUser(entry, user.User, problems);
        }

        foreach (var (entry, context) in Entries("contexts", config.Contexts, c => c.Name))
        {
            if (context.Context is null)
            {
                problems.Add($"{entry}: has no context");
                continue;
            }

            if (string.IsNullOrEmpty(context.Context.Cluster) || !clusters.Contains(context.Context.Cluster))
            {
                problems.Add($"{entry}: cluster \"{context.Context.Cluster}\" is not in clusters");
            }

            if (string.IsNullOrEmpty(context.Context.User) || !users.Contains(context.Context.User))
            {
                problems.Add($"{entry}: user \"{context.Context.User}\" is not in users");
            }
        }

        if (string.IsNullOrEmpty(config.CurrentContext))
        {
            problems.Add("current-context: is not set");
        }
        else if (!contexts.Contains(config.CurrentContext))
        {
            problems.Add($"current-context: \"{config.CurrentContext}\" is not in contexts");
        }

        return problems;
    }

    private static void CheckCluster(string entry, ClusterCert? details, List<string> problems)
    {
        if (details is null)
        {
            problems.Add($"{entry}: has no cluster");
            return;
        }

        if (string.IsNullOrEmpty(details.Server))
        {
            problems.Add($"{entry}: has no server");
        }
        else if (!Uri.TryCreate(details.Server, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{entry}.server: \"{details.Server}\" is not an absolute https or http URL");
        }

        Pem($"{entry}.certificate-authority-data", details.CertificateAuthorityData, IsCertificate, "a PEM certificate", problems);
        try
        {
            details.InsecureSkipTlsVerify?.AsBoolean();
        }
        catch (FormatException)
        {
            problems.Add($"{entry}.insecure-skip-tls-verify: \"{details.InsecureSkipTlsVerify!.String}\" is not true or false");
        }
    }

    private static void CheckUser(string entry, AuthInfo? details, List<string> problems)
    {
        if (details is null)
        {
            problems.Add($"{entry}: has no user");
            return;
        }

        var certificate = Pem($"{entry}.client-certificate-data", details.ClientCertificateData, IsCertificate, "a PEM certificate", problems);
        var key = Pem($"{entry}.client-key-data", details.ClientKeyData, IsPrivateKey, "a PEM private key", problems);
        if (string.IsNullOrEmpty(details.ClientCertificateData) != string.IsNullOrEmpty(details.ClientKeyData))
        {
            problems.Add($"{entry}: client-certificate-data and client-key-data must be given together");
        }
        else if (certificate is not null && key is not null && !PemText.IsKeyOf(certificate, key))
        {
            problems.Add($"{entry}: client-key-data is not the private key of client-certificate-data");
        }
    }

    private static HashSet<string> Names(string section, IEnumerable<string?>? names, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrEmpty(name))
            {
                problems.Add($"{section}[{count}]: has no name");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"{section}[\"{name}\"]: the name is used more than once");
            }

            count++;
        }

        if (count == 0)
        {
            problems.Add($"{section}: the kubeconfig has none");
        }

        return seen;
    }

    private static IEnumerable<(string Entry, T Item)> Entries<T>(string section, IEnumerable<T>? items, Func<T, string?> name) =>
        (items ?? []).Select((item, i) => (string.IsNullOrEmpty(name(item)) ? $"{section}[{i}]" : $"{section}[\"{name(item)}\"]", item));

    /// <summary>The decoded PEM text when the field holds what it should; <c>null</c> when it is empty or a problem was added.</summary>
    private static string? Pem(string field, string? base64, Func<string, bool> isExpected, string expected, List<string> problems)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            problems.Add($"{field}: is not valid base64");
            return null;
        }

        if (!isExpected(text))
        {
            problems.Add($"{field}: does not decode to {expected}");
            return null;
        }

        return text;
    }

    private static bool IsCertificate(string pem) => PemText.TryReadCertificate(pem, out _);

    private static bool IsPrivateKey(string pem) => PemText.IsPrivateKey(pem);
}
