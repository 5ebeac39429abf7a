using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>
/// The admin API under <c>/_fake/</c>, for a fake run as a process (<see cref="FakeUcsServerOptions.AdminApi"/>): no
/// UCS authentication, not recorded, no faults played, loopback callers only; every answer and error is JSON.
/// <list type="bullet">
/// <item><c>GET /_fake/state</c>: fleets, clusters, queued faults, the number of requests received.</item>
/// <item><c>GET /_fake/fleets</c>, <c>POST /_fake/fleets</c> <c>{"id": "...", "name": "...", "federation": true}</c>.</item>
/// <item><c>GET /_fake/clusters</c>, <c>POST /_fake/clusters</c> <c>{"id": "...", "name": "...", "fleet": "...", "category": "self", "type": "cce", "activated": true}</c>.</item>
/// <item><c>GET /_fake/faults</c>, <c>POST /_fake/faults</c> <c>{"kind": "throttle", "retryAfterSeconds": 2, "count": 1}</c>.</item>
/// <item><c>GET /_fake/requests</c>: the UCS requests received, in order.</item>
/// </list>
/// </summary>
internal sealed class FakeAdminApi(FakeUcsState state)
{
    public const string PathPrefix = "/_fake";

    // Read by people at a terminal (curl): indented, quotes not escaped; the answers are never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Matches(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
        {
            await WriteAsync(context, 403, new AdminError("The admin API answers loopback callers only.", null)).ConfigureAwait(false);
            return;
        }

        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (FakeAdminRequestException refused)
        {
            await WriteAsync(context, 400, new AdminError(refused.Message, refused.Field)).ConfigureAwait(false);
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimEnd('/');
        var method = context.Request.Method;
        switch (path[PathPrefix.Length..])
        {
            case "/state" when HttpMethods.IsGet(method):
                await WriteAsync(context, 200, new AdminState(state.FleetSummaries(), state.ClusterSummaries(), PendingFaults(), state.Requests.Count)).ConfigureAwait(false);
                return;
            case "/fleets" when HttpMethods.IsGet(method):
                await WriteAsync(context, 200, state.FleetSummaries()).ConfigureAwait(false);
                return;
            case "/fleets" when HttpMethods.IsPost(method):
                var fleet = FakeAdminBodies.Fleet(await ReadAsync(context).ConfigureAwait(false));
                var existed = state.HasFleet(fleet.Id);
                state.SetFleet(fleet.Id, fleet.Federation, fleet.Name);
                await WriteAsync(context, existed ? 200 : 201, state.FleetSummaries().Single(f => f.Id == fleet.Id)).ConfigureAwait(false);
                return;
            case "/clusters" when HttpMethods.IsGet(method):
                await WriteAsync(context, 200, state.ClusterSummaries()).ConfigureAwait(false);
                return;
            case "/clusters" when HttpMethods.IsPost(method):
                var cluster = FakeAdminBodies.Cluster(await ReadAsync(context).ConfigureAwait(false));
                var clusterExisted = state.HasCluster(cluster.Id);
                FakeClusterSummary added;
                try
                {
                    added = state.SetCluster(cluster.Id, cluster.Name ?? cluster.Id, cluster.Fleet, cluster.Category, cluster.Type, cluster.Activated);
                }
                catch (ArgumentException)
                {
                    throw new FakeAdminRequestException("fleet", $"fleet \"{cluster.Fleet}\" is not a fleet of the fake; add it first (POST {PathPrefix}/fleets).");
                }

                await WriteAsync(context, clusterExisted ? 200 : 201, added).ConfigureAwait(false);
                return;
            case "/faults" when HttpMethods.IsGet(method):
                await WriteAsync(context, 200, PendingFaults()).ConfigureAwait(false);
                return;
            case "/faults" when HttpMethods.IsPost(method):
                var (fault, count) = FakeAdminBodies.Fault(await ReadAsync(context).ConfigureAwait(false));
                for (var i = 0; i < count; i++)
                {
                    state.EnqueueFault(fault);
                }

                await WriteAsync(context, 201, PendingFaults()).ConfigureAwait(false);
                return;
            case "/requests" when HttpMethods.IsGet(method):
                await WriteAsync(context, 200, state.Requests.Select(AdminRequest.Of).ToList()).ConfigureAwait(false);
                return;
            case "/state" or "/fleets" or "/clusters" or "/faults" or "/requests":
                await WriteAsync(context, 405, new AdminError($"{method} is not supported on {path}.", null)).ConfigureAwait(false);
                return;
            default:
                await WriteAsync(context, 404, new AdminError($"No admin resource at {path}; there are {PathPrefix}/state, /fleets, /clusters, /faults and /requests.", null)).ConfigureAwait(false);
                return;
        }
    }

    private List<string> PendingFaults() => state.PendingFaults.Select(f => f.ToString()).ToList();

    private static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        return body.ToArray();
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(value, Json, context.RequestAborted).ConfigureAwait(false);
        await context.Response.WriteAsync("\n", context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record AdminError(string Error, string? Field);

    private sealed record AdminState(IReadOnlyList<FakeFleetSummary> Fleets, IReadOnlyList<FakeClusterSummary> Clusters, IReadOnlyList<string> Faults, int Requests);

    /// <summary>A received request; the values of the token headers are left out (a real token may be sent by mistake).</summary>
    private sealed record AdminRequest(string RequestId, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase) { "X-Auth-Token", "X-Security-Token" };

        public static AdminRequest Of(FakeUcsRequest request) => new(
            request.RequestId,
            request.Method,
            request.RawTarget,
            request.Headers.ToDictionary(h => h.Key, h => Credentials.Contains(h.Key) ? "(hidden)" : h.Value, StringComparer.OrdinalIgnoreCase),
            request.BodyText);
    }
}
