using System.Diagnostics;

namespace FleetGen.Client.Models;

[DebuggerDisplay("{ToString(),nq}")]
public partial class Kubeconfig
{
    /// <summary>
    /// A one-line summary of the kubeconfig: the current context and the names of its clusters (with their servers),
    /// users and contexts. Certificates, keys and tokens are never part of it.
    /// </summary>
    public override string ToString()
    {
        var clusters = string.Join(", ", (Clusters ?? []).Select(c => $"{c.Name} -> {c.Cluster?.Server}"));
        var users = string.Join(", ", (Users ?? []).Select(u => u.Name));
        var contexts = string.Join(", ", (Contexts ?? []).Select(c => $"{c.Name} -> {c.Context?.Cluster}/{c.Context?.User}"));
        return $"Kubeconfig current-context: {CurrentContext}; clusters: [{clusters}]; users: [{users}]; contexts: [{contexts}]";
    }
}
