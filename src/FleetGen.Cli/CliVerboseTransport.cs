using System.Diagnostics;
using System.Net;

namespace FleetGen.Cli;

/// <summary>
/// --verbose: the innermost handler, so it sees every attempt and redirect as sent, and prints one line each on stderr:
/// method, URL without user information, query or fragment, status, request id and duration. Headers and bodies,
/// where tokens, keys and signatures travel, are never printed.
/// </summary>
internal sealed class CliVerboseTransport(CliConsole console) : DelegatingHandler(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
})
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = $"{request.Method} {Shown(request.RequestUri)}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            Line($"{call} -> {(int)response.StatusCode} in {Elapsed(started)} ms (request id {(string.IsNullOrEmpty(requestId) ? "-" : requestId)})");
            return response;
        }
        catch (Exception e)
        {
            Line($"{call} -> failed after {Elapsed(started)} ms: {e.GetType().Name}");
            throw;
        }
    }

    private static string Shown(Uri? uri) => uri is null ? "-" : $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private void Line(string text) => console.Error.WriteLine($"fleetgen: {FleetGen.Client.SafeText.OneLine(text)}");
}
