using FleetGen.Client;
using Xunit;

namespace FleetGen.Testing.Sample;

public sealed class FleetModelExtensionsTests
{
    [Fact]
    public async Task A_fleet_is_connected_once_it_has_a_VPC_endpoint()
    {
        await using var ucs = await FakeUcsServer.StartAsync();
        using var client = new FleetClient(ucs.ClientOptions());

        var before = (await client.Fleet.ShowClusterGroupAsync("fleet-demo")).IsConnected;
        await client.EnsureFederationConnectionAsync("fleet-demo", "project", "vpc", "subnet");
        var after = (await client.Fleet.ShowClusterGroupAsync("fleet-demo")).IsConnected;

        Assert.False(before);
        Assert.True(after);
    }
}
