using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// A member cluster's kubeconfig from UCS, which the library has checked whole (every kubeconfig rule, no expired
/// client certificate), reduced to what goes into the user's kubeconfig: its current context with that context's
/// cluster and user (as <c>kubectl config view --minify</c> does), named after the cluster. An answer without a current
/// context to keep is an API error (exit 4): nothing is written.
/// </summary>
internal static class ClusterKubeconfigCheck
{
    public static Kubeconfig Checked(Kubeconfig answer, UcsReference cluster, string entryName)
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
        return minified.WithEntryNames(entryName);
    }
}
