using FleetGen.Client;
using Xunit;

namespace FleetGen.Testing.Sample;

public sealed class FederationAccessTests : IAsyncLifetime
{
    private FakeUcsServer ucs = null!;
    private readonly string kubeconfig = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}", "config");

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(kubeconfig)))
        {
            Directory.Delete(Path.GetDirectoryName(kubeconfig)!, recursive: true);
        }
    }

    [Fact]
    public async Task Grants_access_to_a_federated_fleet()
    {
        ucs.AddFleet("fleet-a");
        using var client = new FleetClient(ucs.ClientOptions());

        var context = await new FederationAccess(client).GrantAsync("fleet-a", kubeconfig);

        Assert.Equal("fed-fleet-a", context);
        Assert.Contains("fed-fleet-a", await File.ReadAllTextAsync(kubeconfig));
        Assert.Equal("/v1/clustergroups/fleet-a/cert", Assert.Single(ucs.Requests).RawTarget);
    }

    [Fact]
    public async Task Reports_a_fleet_without_federation()
    {
        ucs.AddFleet("fleet-b", federationEnabled: false);
        using var client = new FleetClient(ucs.ClientOptions());

        Assert.Null(await new FederationAccess(client).GrantAsync("fleet-b", kubeconfig));
        Assert.False(File.Exists(kubeconfig));
    }

    [Fact]
    public async Task Survives_throttling()
    {
        ucs.EnqueueFault(FakeUcsFault.Throttle(TimeSpan.Zero));
        using var client = new FleetClient(ucs.ClientOptions());

        Assert.Equal($"fed-{FakeUcsServerOptions.DefaultFleet}", await new FederationAccess(client).GrantAsync(FakeUcsServerOptions.DefaultFleet, kubeconfig));
        Assert.Equal(2, ucs.Requests.Count);
    }
}
