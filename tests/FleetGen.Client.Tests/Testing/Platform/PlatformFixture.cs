using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>A fake UCS server on a clock the test moves (no waiting), holding the cluster <see cref="Cluster"/>, and an SDK client of it.</summary>
internal sealed class PlatformFixture : IAsyncDisposable
{
    /// <summary>The cluster id of the contract's examples, registered on the fake (an id it does not hold is 404 UCS.01030001).</summary>
    public const string Cluster = "6b7f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";

    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private PlatformFixture(FakeUcsServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        Client = new FleetClient(server.ClientOptions());
    }

    public FakeUcsServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public FleetClient Client { get; }

    public static async Task<PlatformFixture> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { TimeProvider = clock, PlatformStepDuration = Step });
        server.AddCluster(Cluster);
        return new PlatformFixture(server, clock);
    }

    /// <summary>Moves the server's clock on by <paramref name="steps"/> platform steps.</summary>
    public void Advance(int steps = 1) => Clock.Advance(Step * steps);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
