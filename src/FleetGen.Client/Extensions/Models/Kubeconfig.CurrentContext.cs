namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>The server of the current context's cluster; <c>null</c> when the current context or its cluster is missing.</summary>
    public string? GetCurrentServer() =>
        Clusters?.FirstOrDefault(c => c.Name == CurrentContextEntry()?.Cluster)?.Cluster?.Server;

    /// <summary>When the current context's client certificate expires; <c>null</c> when its user has no client certificate.</summary>
    public DateTimeOffset? GetCurrentClientCertificateExpiry() =>
        Users?.FirstOrDefault(u => u.Name == CurrentContextEntry()?.User)?.User?.GetClientCertificateExpiry();

    private Context? CurrentContextEntry() => Contexts?.FirstOrDefault(c => c.Name == CurrentContext)?.Context;
}
