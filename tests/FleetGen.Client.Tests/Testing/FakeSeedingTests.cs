using System.Net;
using System.Text;
using System.Text.Json;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>Seeding and reading the fake's fleets and clusters from a test, in process and through the admin API.</summary>
public sealed class FakeSeedingTests
{
    [Fact]
    public async Task Fleets_and_clusters_added_in_process_are_answered_and_read_back()
    {
        await using var server = await FakeUcsServer.StartAsync();
        using var client = new FleetClient(server.ClientOptions());

        server.AddFleet("f-1", "prod", federationEnabled: false);
        server.AddFleet("f-2", "prod");
        var added = server.AddCluster("c-1", "one", fleetId: "f-1", category: "attachedcluster", type: "eks", activated: false);

        Assert.Equal(new FakeClusterSummary("c-1", "one", "attachedcluster", "eks", "f-1", "Initializing", false), added);
        Assert.Equal(["prod", "prod"], (await client.Fleet.ListClusterGroupAsync()).Items!.Where(f => f.Metadata!.Uid!.StartsWith("f-", StringComparison.Ordinal)).Select(f => f.Metadata!.Name));
        Assert.Equal(["c-1"], server.Fleets.Single(f => f.Id == "f-1").ClusterIds);
        Assert.Equal("Initializing", (await client.Cluster.ShowClusterAsync("c-1")).Status!.Phase);
        Assert.Throws<ArgumentException>(() => server.AddCluster("c-2", fleetId: "f-nowhere"));
        Assert.Equal(["c-1"], server.Clusters.Select(c => c.Id));
    }

    [Fact]
    public async Task The_admin_API_adds_named_fleets_and_clusters_and_lists_them()
    {
        await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { AdminApi = true });
        using var http = new HttpClient();
        async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, $"{server.AdminUrl}{path}") { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var (fleetStatus, fleet) = await SendAsync(HttpMethod.Post, "/fleets", """{"id": "f-1", "name": "prod", "federation": false}""");
        var (clusterStatus, cluster) = await SendAsync(HttpMethod.Post, "/clusters", """{"id": "c-1", "name": "one", "fleet": "f-1", "category": "attachedcluster", "type": "eks", "activated": false}""");
        var (refusedStatus, refused) = await SendAsync(HttpMethod.Post, "/clusters", """{"id": "c-2", "fleet": "f-nowhere"}""");
        var (_, clusters) = await SendAsync(HttpMethod.Get, "/clusters");
        var (_, fleets) = await SendAsync(HttpMethod.Get, "/fleets");

        Assert.Equal((HttpStatusCode.Created, "prod"), (fleetStatus, fleet.GetProperty("name").GetString()));
        Assert.Equal((HttpStatusCode.Created, "f-1", "Initializing"), (clusterStatus, cluster.GetProperty("fleetId").GetString(), cluster.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "fleet"), (refusedStatus, refused.GetProperty("field").GetString()));
        Assert.Equal(["c-1"], clusters.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["c-1"], fleets.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "f-1").GetProperty("clusterIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["one"], server.Clusters.Select(c => c.Name));
    }

    [Theory]
    [InlineData(nameof(FakeUcsServerOptions.FederationStepDuration))]
    [InlineData(nameof(FakeUcsServerOptions.PlatformStepDuration))]
    public async Task A_step_of_no_time_is_refused_naming_the_option(string option)
    {
        var options = new FakeUcsServerOptions();
        if (option == nameof(FakeUcsServerOptions.FederationStepDuration))
        {
            options.FederationStepDuration = TimeSpan.Zero;
        }
        else
        {
            options.PlatformStepDuration = TimeSpan.FromSeconds(-1);
        }

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FakeUcsServer.StartAsync(options));

        Assert.Equal(option, refused.ParamName);
    }
}
