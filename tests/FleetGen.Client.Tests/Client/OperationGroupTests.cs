using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Synthetic;

namespace FleetGen.Client.Tests.Client;

/// <summary>The operations grouped as the contract's tags, mockable by derivation; and the answers with their status, headers and request id.</summary>
public sealed class OperationGroupTests
{
    [Fact]
    public async Task A_fake_group_returned_by_a_fake_client_serves_the_composed_calls()
    {
        var fleet = new FakeFleetOperations();
        var client = new FakeClient(fleet);

        var call = await client.PlanFederationKubeconfigAsync("fleet-fake");

        Assert.Equal(FederationKubeconfigCall.Download, call);
        Assert.Equal(["fleet-fake"], fleet.Asked);
        Assert.Same(fleet, client.Fleet);
    }

    [Fact]
    public void Each_tag_is_one_group_with_only_its_operations_and_an_operation_goes_on_its_first_tag()
    {
        static string[] Operations(Type group) => group.GetMethods().Where(m => m.DeclaringType == group && m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();

        string[] fleetOperations = ["DeleteClusterGroup", "ListClusterGroup", "RegisterClusterGroup", "ShowClusterGroup", "UpdateClusterGroup", "UpdateClusterGroupAssociatedClusters", "UpdateClusterGroupAssociatedRules", "UpdateClusterGroupAssociatedZones"];
        Assert.Equal(fleetOperations.SelectMany(o => new[] { o + "Async", o + "WithResponseAsync" }).Concat(["ListClusterGroupItemsAsync", "ListClusterGroupPagesAsync"]).Order(StringComparer.Ordinal), Operations(typeof(FleetOperations)));
        Assert.Equal(18, Operations(typeof(FederationOperations)).Length);
        Assert.Equal(["CreateItemAsync", "CreateItemWithResponseAsync", "GetItemAsync", "GetItemWithResponseAsync", "ListItemsAsync", "ListItemsWithResponseAsync"], Operations(typeof(ItemStoreOperations)));
        Assert.Equal(
            ["CreatePetAsync", "CreatePetWithResponseAsync", "DeleteItemAsync", "DeleteItemWithResponseAsync", "DownloadPhotoAsync", "GetV1HealthAsync", "GetV1HealthWithResponseAsync", "LegacyPingAsync", "LegacyPingWithResponseAsync", "LoginAsync", "LoginWithResponseAsync", "ReadNotesAsync", "RefreshNamespaceAsync", "RefreshNamespaceWithResponseAsync", "ReplaceItemAsync", "ReplaceItemWithResponseAsync", "UploadDocumentAsync", "UploadDocumentWithResponseAsync", "UploadPhotoAsync", "UploadPhotoWithResponseAsync"],
            Operations(typeof(DefaultOperations)));
        Assert.DoesNotContain(typeof(ItemStoreOperations).Assembly.GetTypes(), t => t.Name == "AuditOperations");
        Assert.DoesNotContain(typeof(FleetClient).GetMethods(), m => m.DeclaringType == typeof(FleetClient) && m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_with_a_body_gives_its_status_headers_and_request_id()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, ClientFixture.KubeconfigJson, ("X-Request-Id", "req-7f3a"), ("X-Rate-Remaining", "41")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var response = await client.Federation.CreateFederationCertWithResponseAsync("fleet-a", ClientFixture.Request());

        Assert.Equal(201, response.Status);
        Assert.Equal("req-7f3a", response.RequestId);
        Assert.Equal(["41"], response.Headers["x-rate-remaining"]);
        Assert.Equal(["41"], response.Headers["X-RATE-REMAINING"]);
        Assert.StartsWith("application/json", Assert.Single(response.Headers["Content-Type"]), StringComparison.Ordinal);
        Assert.False(response.Headers is IDictionary<string, IReadOnlyList<string>>);
        Assert.Equal("ucs-fleet-a", response.Value.CurrentContext);
    }

    [Fact]
    public async Task An_answer_without_a_body_still_gives_its_status_headers_and_request_id()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(204, null, ("X-Request-Id", "req-d15a"), ("X-Job", "delete")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var response = await client.Federation.DisableFederationWithResponseAsync("fleet-a");

        Assert.Equal((204, "req-d15a"), (response.Status, response.RequestId));
        Assert.Equal(["delete"], response.Headers["x-job"]);
        Assert.Equal("DELETE", Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task A_refused_answer_is_refused_by_WithResponse_too_and_a_success_of_the_fake_server_carries_its_request_id()
    {
        await using var fake = await FleetGen.Testing.FakeUcsServer.StartAsync();
        using var client = new FleetClient(fake.ClientOptions());

        var response = await client.Fleet.ShowClusterGroupWithResponseAsync(FleetGen.Testing.FakeUcsServerOptions.DefaultFleet);

        Assert.Equal(200, response.Status);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
        Assert.Equal(FleetGen.Testing.FakeUcsServerOptions.DefaultFleet, response.Value.Metadata?.Uid ?? response.Value.Metadata?.Name);
    }

    private sealed class FakeFleetOperations : FleetOperations
    {
        public List<string> Asked { get; } = [];

        public override Task<ClusterGroup> ShowClusterGroupAsync(string fleetId, CancellationToken cancellationToken = default)
        {
            Asked.Add(fleetId);
            return Task.FromResult(new ClusterGroup
            {
                Spec = new ClusterGroupSpec { ConnectGatewayEndpoints = [new ConnectGatewayEndpoint { Id = "ep-1" }] },
                Status = new ClusterGroupStatus { Conditions = [new Condition { Type = FleetConditionType.Federation, Status = FederationStatus.Connected }] },
            });
        }
    }

    private sealed class FakeClient(FleetOperations fleet) : FleetClient
    {
        public override FleetOperations Fleet => fleet;
    }
}
