using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// Every fleet and every cluster, through the client's paging helpers: bounded pages (never the unbounded page the API
/// gives without a limit), read until the answer's total; repeated pages or contradicting totals are a UcsApiException.
/// </summary>
internal static class UcsPages
{
    /// <summary>Items asked for per call.</summary>
    public const int PageSize = 100;

    public static IAsyncEnumerable<ClusterGroup> FleetsAsync(FleetClient client, CancellationToken cancellationToken) =>
        client.Fleet.ListClusterGroupItemsAsync(pageSize: PageSize, cancellationToken: cancellationToken);

    /// <param name="fleetId">Only the clusters of this fleet; <c>null</c> for every cluster.</param>
    public static IAsyncEnumerable<Cluster> ClustersAsync(FleetClient client, string? fleetId, CancellationToken cancellationToken) =>
        client.Cluster.ShowClusterListItemsAsync(fleetId: fleetId, pageSize: PageSize, cancellationToken: cancellationToken);
}
