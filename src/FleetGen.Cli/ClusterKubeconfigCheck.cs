using System.Globalization;
using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// A member cluster's kubeconfig from UCS, read as something that will end up in the user's kubeconfig, as the
/// library reads the federation's: only its current context with that context's cluster and user is kept (as
/// <c>kubectl config view --minify</c> does), every kubeconfig rule is checked (<see cref="Kubeconfig.Validate"/>), an
/// expired client certificate is refused, and the entries are named after the cluster. Anything else is an API error
/// (exit 4): a half-usable kubeconfig is never written.
/// </summary>
internal static class ClusterKubeconfigCheck
{
    public static Kubeconfig Checked(Kubeconfig answer, UcsReference cluster, string entryName, DateTimeOffset now)
    {
        CliException Unusable(string problem) =>
            new(ExitCodes.Api, SafeText.OneLine($"the kubeconfig UCS returned for cluster {cluster} is not usable: {problem}. Nothing was written."));

        var contextName = answer.CurrentContext is { Length: > 0 } current ? current : answer.Contexts is [{ Name: { } only }] ? only : null;
        var context = answer.Contexts?.FirstOrDefault(c => c.Name == contextName)
            ?? throw Unusable(contextName is null ? "it names no current context and has several or none" : $"its current context \"{contextName}\" is not among its contexts");
        var minified = new Kubeconfig
        {
            ApiVersion = answer.ApiVersion,
            Kind = answer.Kind,
            Clusters = answer.Clusters?.Where(c => c.Name == context.Context?.Cluster).Take(1).ToList(),
            Users = answer.Users?.Where(u => u.Name == context.Context?.User).Take(1).ToList(),
            Contexts = [context],
            CurrentContext = context.Name,
        };

        try
        {
            minified.Validate();
        }
        catch (KubeconfigException e)
        {
            throw Unusable(string.Join("; ", e.Problems));
        }

        if (minified.GetCurrentClientCertificateExpiry() is { } expiry && expiry < now)
        {
            throw Unusable($"its client certificate expired at {expiry.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        }

        return minified.WithEntryNames(entryName);
    }
}
