using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>
    /// Checks that the kubeconfig can be used: at least one cluster, user and context; unique names; every context
    /// names an existing cluster and user; the current context exists; server URLs are absolute; base64 fields decode,
    /// certificates to PEM certificates and keys to PEM private keys.
    /// </summary>
    /// <exception cref="KubeconfigException">With every problem, each naming its entry.</exception>
    public void Validate()
    {
        var problems = KubeconfigValidator.Problems(this);
        if (problems.Count > 0)
        {
            throw new KubeconfigException(problems);
        }
    }

    /// <summary>
    /// The name FleetGen gives the cluster, user and context of a fleet's federation kubeconfig: <c>ucs-&lt;fleet id&gt;</c>,
    /// so that the kubeconfigs of several fleets never replace each other's entries, whatever the service called them.
    /// </summary>
    public static string NameForFleet(string fleetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        return $"ucs-{fleetId}";
    }

    /// <summary>
    /// Calls the one cluster, user and context <paramref name="name"/>, the context still naming its cluster and user,
    /// and makes that context current. Changes this instance: callers rename an answer they own, or a copy.
    /// </summary>
    /// <exception cref="KubeconfigException">The kubeconfig does not have exactly one cluster, one user and one context.</exception>
    internal void RenameEntries(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Clusters is not { Count: 1 } || Users is not { Count: 1 } || Contexts is not { Count: 1 })
        {
            throw new KubeconfigException([$"only a kubeconfig with one cluster, one user and one context can be renamed; this one has {Clusters?.Count ?? 0}, {Users?.Count ?? 0} and {Contexts?.Count ?? 0}"]);
        }

        Clusters[0].Name = name;
        Users[0].Name = name;
        Contexts[0].Name = name;
        Contexts[0].Context ??= new Context();
        Contexts[0].Context!.Cluster = name;
        Contexts[0].Context!.User = name;
        CurrentContext = name;
    }
}
