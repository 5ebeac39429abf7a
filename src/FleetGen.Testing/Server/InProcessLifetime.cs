using Microsoft.Extensions.Hosting;

namespace FleetGen.Testing.Server;

/// <summary>
/// The fake's servers are guests in someone else's process: they do not take over its Ctrl+C and SIGTERM (the default
/// console lifetime would, and keep the process answering after the signal), so the process ends as it would without them.
/// </summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
