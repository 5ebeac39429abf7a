using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>A fake UCS server and a client on one <see cref="JumpingClock"/>: federation jobs move as the client waits, without real delays.</summary>
internal sealed class LifecycleFixture : IAsyncDisposable
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private LifecycleFixture(FakeUcsServer server, FleetClient client, JumpingClock clock)
    {
        Server = server;
        Client = client;
        Clock = clock;
    }

    public FakeUcsServer Server { get; }

    public FleetClient Client { get; }

    public JumpingClock Clock { get; }

    public static FederationWaitOptions Wait(TimeSpan? timeout = null) => new() { PollInterval = Step, Timeout = timeout ?? TimeSpan.FromMinutes(5) };

    public static async Task<LifecycleFixture> StartAsync(FakeUcsModelVariant variant = FakeUcsModelVariant.HuaweiCloud, Action<FleetClientOptions>? configure = null)
    {
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        var options = new FakeUcsServerOptions { TimeProvider = clock, FederationStepDuration = Step, ModelVariant = variant };
        var server = await FakeUcsServer.StartAsync(options);
        return new LifecycleFixture(server, NewClient(server, clock, configure), clock);
    }

    /// <summary>Another client of the same server on the same clock, as a second process would have; the caller disposes it.</summary>
    public FleetClient AnotherClient() => NewClient(Server, Clock, configure: null);

    private static FleetClient NewClient(FakeUcsServer server, JumpingClock clock, Action<FleetClientOptions>? configure)
    {
        var clientOptions = server.ClientOptions();
        clientOptions.TimeProvider = clock;
        clientOptions.Timeout = Timeout.InfiniteTimeSpan;
        clientOptions.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        configure?.Invoke(clientOptions);
        return new FleetClient(clientOptions);
    }

    /// <summary>The requests received, as <c>METHOD /path-after-the-fleet</c>.</summary>
    public IReadOnlyList<string> Calls(string fleetId) =>
        Server.Requests.Select(r => $"{r.Method} {r.RawTarget.Split('?')[0].Replace($"/v1/clustergroups/{fleetId}", string.Empty, StringComparison.Ordinal)}").ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
