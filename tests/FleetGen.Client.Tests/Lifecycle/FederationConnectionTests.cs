using FleetGen.Client.Models;
using FleetGen.Client.Validation;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>No sequence of calls or faults leaves a fleet with two VPC endpoints.</summary>
public sealed class FederationConnectionTests
{
    private const string Fleet = FakeUcsServerOptions.DefaultFleet;

    [Fact]
    public async Task Ensuring_a_connection_twice_creates_one_endpoint_and_then_returns_it()
    {
        await using var fixture = await LifecycleFixture.StartAsync();

        var first = await fixture.Client.EnsureFederationConnectionAsync(Fleet, "project-1", "vpc-1", "subnet-1");
        var second = await fixture.Client.EnsureFederationConnectionAsync(Fleet, "project-1", "vpc-1", "subnet-1");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.EndpointId, second.EndpointId);
        Assert.Equal(37, first.EndpointId.Length);
        Assert.Equal(("VPCEP", "cn-north-4"), (second.Endpoint!.Type, second.Endpoint.Region));
        Assert.Single((await fixture.Client.Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
        Assert.Equal(["GET ", "POST /connection", "GET ", "GET "], fixture.Calls(Fleet));
    }

    public static TheoryData<string> AmbiguousFaults() => new() { "504 after acting", "connection dropped after acting" };

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task After_an_ambiguous_failure_the_fleet_is_read_again_before_anything_else(string fault)
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.EnqueueFault(FakeUcsFault.Slow(TimeSpan.Zero));
        fixture.Server.EnqueueFault(fault.StartsWith("504", StringComparison.Ordinal) ? FakeUcsFault.ActThenGatewayTimeout() : FakeUcsFault.ActThenDropConnection());

        var connection = await fixture.Client.EnsureFederationConnectionAsync(Fleet, "project-1", "vpc-1", "subnet-1");

        Assert.True(connection.Created);
        Assert.Single((await fixture.Client.Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
        Assert.Equal(["GET ", "POST /connection", "GET ", "GET "], fixture.Calls(Fleet));
    }

    [Fact]
    public async Task Credentials_download_when_the_fleet_is_connected_and_create_only_when_it_is_not()
    {
        await using var fixture = await LifecycleFixture.StartAsync();

        var created = await fixture.Client.GetFederationKubeconfigAsync(Fleet, 7, "project-1", "vpc-1", "subnet-1");
        var downloaded = await fixture.Client.GetFederationKubeconfigAsync(Fleet, 7);

        Assert.Equal(["GET ", "POST /cert", "GET ", "POST /kubeconfig"], fixture.Calls(Fleet));
        Assert.Single((await fixture.Client.Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
        Assert.All([created, downloaded], config => Assert.Equal(Kubeconfig.NameForFleet(Fleet), config.CurrentContext));
        downloaded.Validate();
    }

    [Fact]
    public async Task A_credentials_create_that_may_have_acted_is_followed_by_a_download_not_a_second_create()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.EnqueueFault(FakeUcsFault.Slow(TimeSpan.Zero));
        fixture.Server.EnqueueFault(FakeUcsFault.ActThenGatewayTimeout());

        var config = await fixture.Client.GetFederationKubeconfigAsync(Fleet, 7, "project-1", "vpc-1", "subnet-1");

        config.Validate();
        Assert.Equal(["GET ", "POST /cert", "GET ", "POST /kubeconfig"], fixture.Calls(Fleet));
        Assert.Single((await fixture.Client.Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
    }

    [Fact]
    public async Task Credentials_without_a_connection_need_the_VPC_and_say_so_after_one_read()
    {
        await using var fixture = await LifecycleFixture.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetFederationKubeconfigAsync(Fleet, 7));

        Assert.Contains("no federation connection yet: projectId, vpcId and subnetId are needed", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET "], fixture.Calls(Fleet));
    }

    [Fact]
    public async Task Credentials_are_refused_while_federation_is_not_ready_and_nothing_is_created()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet("fleet-new", federationEnabled: false);
        await fixture.Client.Federation.EnableFederationAsync("fleet-new");

        var creating = await Assert.ThrowsAsync<FederationStateException>(() => fixture.Client.GetFederationKubeconfigAsync("fleet-new", 7, "p", "v", "s"));
        fixture.Server.AddFleet("fleet-plain", federationEnabled: false);
        var none = await Assert.ThrowsAsync<FederationStateException>(() => fixture.Client.GetFederationKubeconfigAsync("fleet-plain", 7, "p", "v", "s"));

        Assert.Equal((FederationStatus.Creating, (string?)null), (creating.FederationStatus, none.FederationStatus));
        Assert.Contains("is Creating: credentials can be fetched when it is Available or Connected", creating.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Requests, r => r.RawTarget.EndsWith("/cert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_VPC_arguments_and_durations_are_refused_before_the_first_request()
    {
        await using var fixture = await LifecycleFixture.StartAsync();

        var connection = await Assert.ThrowsAsync<FleetValidationException>(() => fixture.Client.EnsureFederationConnectionAsync(Fleet, string.Empty, "v", "s"));
        var duration = await Assert.ThrowsAsync<FleetValidationException>(() => fixture.Client.GetFederationKubeconfigAsync(Fleet, 1826));

        Assert.Equal("body.projectID", Assert.Single(connection.Violations).Field);
        Assert.Equal("body.duration", Assert.Single(duration.Violations).Field);
        Assert.Empty(fixture.Server.Requests);
    }
}
