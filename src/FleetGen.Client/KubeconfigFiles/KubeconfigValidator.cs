using System.Text;
using FleetGen.Client.Models;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>The rules a kubeconfig must meet before it is returned to a caller or written to a file.</summary>
internal static class KubeconfigValidator
{
    /// <summary>Whether <see cref="StructureProblems"/> would find nothing; answers without allocating for the usual small kubeconfig.</summary>
    public static bool IsStructurallyValid(Kubeconfig config)
    {
        if (config.Clusters is not { Count: > 0 } clusters || config.Users is not { Count: > 0 } users || config.Contexts is not { Count: > 0 } contexts
            || string.IsNullOrEmpty(config.CurrentContext))
        {
            return false;
        }

        for (var i = 0; i < clusters.Count; i++)
        {
            if (string.IsNullOrEmpty(clusters[i].Name) || string.IsNullOrEmpty(clusters[i].Cluster?.Server) || IndexOf(clusters, clusters[i].Name!, c => c.Name) != i)
            {
                return false;
            }
        }

        for (var i = 0; i < users.Count; i++)
        {
            if (string.IsNullOrEmpty(users[i].Name) || users[i].User is null || IndexOf(users, users[i].Name!, u => u.Name) != i)
            {
                return false;
            }
        }

        var current = false;
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            if (string.IsNullOrEmpty(context.Name) || context.Context is null || IndexOf(contexts, context.Name!, c => c.Name) != i
                || context.Context.Cluster is not { Length: > 0 } cluster || IndexOf(clusters, cluster, c => c.Name) < 0
                || context.Context.User is not { Length: > 0 } user || IndexOf(users, user, u => u.Name) < 0)
            {
                return false;
            }

            current |= context.Name == config.CurrentContext;
        }

        return current;
    }

    /// <summary>Entries, names and references: what makes a kubeconfig usable at all.</summary>
    public static List<string> StructureProblems(Kubeconfig config)
    {
        var problems = new List<string>();
        var clusters = Names("clusters", config.Clusters?.Select(c => c.Name), problems);
        var users = Names("users", config.Users?.Select(u => u.Name), problems);
        var contexts = Names("contexts", config.Contexts?.Select(c => c.Name), problems);

        foreach (var (entry, cluster) in Entries("clusters", config.Clusters, c => c.Name))
        {
            if (cluster.Cluster is null)
            {
                problems.Add($"{entry}: has no cluster");
            }
            else if (string.IsNullOrEmpty(cluster.Cluster.Server))
            {
                problems.Add($"{entry}: has no server");
            }
        }

        foreach (var (entry, user) in Entries("users", config.Users, u => u.Name))
        {
            if (user.User is null)
            {
                problems.Add($"{entry}: has no user");
            }
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

    /// <summary>Structure plus content: server URLs, base64 fields, certificates and keys in PEM.</summary>
    public static List<string> AllProblems(Kubeconfig config)
    {
        var problems = StructureProblems(config);
        foreach (var (entry, cluster) in Entries("clusters", config.Clusters, c => c.Name))
        {
            if (cluster.Cluster is not { } details)
            {
                continue;
            }

            if (!Uri.TryCreate(details.Server, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{entry}.server: \"{details.Server}\" is not an absolute https or http URL");
            }

            CheckPem($"{entry}.certificate-authority-data", details.CertificateAuthorityData, IsCertificate, "a PEM certificate", problems);
            try
            {
                details.InsecureSkipTlsVerify?.AsBoolean();
            }
            catch (FormatException)
            {
                problems.Add($"{entry}.insecure-skip-tls-verify: \"{details.InsecureSkipTlsVerify!.String}\" is not true or false");
            }
        }

        foreach (var (entry, user) in Entries("users", config.Users, u => u.Name))
        {
            if (user.User is not { } details)
            {
                continue;
            }

            CheckPem($"{entry}.client-certificate-data", details.ClientCertificateData, IsCertificate, "a PEM certificate", problems);
            CheckPem($"{entry}.client-key-data", details.ClientKeyData, IsPrivateKey, "a PEM private key", problems);
            if (string.IsNullOrEmpty(details.ClientCertificateData) != string.IsNullOrEmpty(details.ClientKeyData))
            {
                problems.Add($"{entry}: client-certificate-data and client-key-data must be given together");
            }
        }

        return problems;
    }

    private static int IndexOf<T>(List<T> items, string name, Func<T, string?> nameOf)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.Equals(nameOf(items[i]), name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static HashSet<string> Names(string section, IEnumerable<string?>? names, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = names?.ToList() ?? [];
        if (list.Count == 0)
        {
            problems.Add($"{section}: the kubeconfig has none");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrEmpty(list[i]))
            {
                problems.Add($"{section}[{i}]: has no name");
            }
            else if (!seen.Add(list[i]!))
            {
                problems.Add($"{section}[\"{list[i]}\"]: the name is used more than once");
            }
        }

        return seen;
    }

    private static IEnumerable<(string Entry, T Item)> Entries<T>(string section, IEnumerable<T>? items, Func<T, string?> name) =>
        (items ?? []).Select((item, i) => (string.IsNullOrEmpty(name(item)) ? $"{section}[{i}]" : $"{section}[\"{name(item)}\"]", item));

    private static void CheckPem(string field, string? base64, Func<string, bool> isExpected, string expected, List<string> problems)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            problems.Add($"{field}: is not valid base64");
            return;
        }

        if (!isExpected(text))
        {
            problems.Add($"{field}: does not decode to {expected}");
        }
    }

    private static bool IsCertificate(string pem) => PemCertificate.TryReadFirst(pem, out _);

    private static bool IsPrivateKey(string pem) =>
        PemBlock.TryReadFirst(pem, out var label, out _) && label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);
}
