using System.Runtime.CompilerServices;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// Every fleet and every cluster, read page by page with limit/offset (never the unbounded page the API gives without
/// a limit). The CLI's only paging: when FleetGen.Client offers paging helpers, these two methods become calls to them.
/// </summary>
internal static class UcsPages
{
    /// <summary>Items asked for per call.</summary>
    public const int PageSize = 100;

    /// <summary>The most pages read: a server that ignores offset cannot keep the command going forever.</summary>
    public const int MaxPages = 1000;

    public static IAsyncEnumerable<ClusterGroup> FleetsAsync(FleetClient client, CancellationToken cancellationToken) =>
        PagesAsync(
            "fleets",
            async (offset, c) => await client.Fleet.ListClusterGroupAsync(limit: PageSize, offset: offset, cancellationToken: c).ConfigureAwait(false) is var page ? (page.Items, page.Total) : default,
            cancellationToken);

    /// <param name="fleetId">Only the clusters of this fleet; <c>null</c> for every cluster.</param>
    public static IAsyncEnumerable<Cluster> ClustersAsync(FleetClient client, string? fleetId, CancellationToken cancellationToken) =>
        PagesAsync(
            "clusters",
            async (offset, c) => await client.Cluster.ShowClusterListAsync(fleetId: fleetId, limit: PageSize, offset: offset, cancellationToken: c).ConfigureAwait(false) is var page ? (page.Items, page.Total) : default,
            cancellationToken);

    private static async IAsyncEnumerable<T> PagesAsync<T>(string what, Func<int, CancellationToken, Task<(List<T>? Items, int? Total)>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        for (var pages = 0; pages < MaxPages; pages++)
        {
            var (items, total) = await page(offset, cancellationToken).ConfigureAwait(false);
            foreach (var item in items ?? [])
            {
                yield return item;
            }

            offset += items?.Count ?? 0;
            if (items is not { Count: PageSize } || offset >= total)
            {
                yield break;
            }
        }

        throw new CliException(ExitCodes.Api, $"UCS kept answering full pages of {what} after {MaxPages * PageSize}: stopped reading.");
    }
}
