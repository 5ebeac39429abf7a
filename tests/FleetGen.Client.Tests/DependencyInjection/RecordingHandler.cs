using System.Collections.Concurrent;

namespace FleetGen.Client.Tests.DependencyInjection;

/// <summary>A team's own handler, added through AddFleetClient's builder: it records every request it sees, headers included.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<string> seen = new();

    public IReadOnlyList<string> Seen => seen.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {string.Join(";", request.Headers.Select(h => $"{h.Key}={string.Join(",", h.Value)}"))}");
        return base.SendAsync(request, cancellationToken);
    }
}
