using FleetGen.Client.Authentication;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FleetGen.Client.Tests.Client;

/// <summary>
/// One surface, one policy: every public path that reaches the service (the group methods, their WithResponse twins,
/// the composed calls, a client registered with AddFleetClient) refuses the same hostile answer and the same invalid
/// body; Kiota's request builders cannot send around them.
/// </summary>
public sealed class OneSurfaceTests
{
    private const string Fleet = "fleet-a";

    private const string ConnectedFleet = """
        {"metadata":{"name":"fleet-a","uid":"fleet-a"},
         "spec":{"connectGatewayEndpoints":[{"id":"ep-1"}]},
         "status":{"conditions":[{"type":"Federation","status":"Connected"}]}}
        """;

    /// <summary>A fleet whose VPC endpoint list cannot be read: the ShowClusterGroup check must refuse it.</summary>
    private const string UnreadableEndpointsFleet = """
        {"metadata":{"name":"fleet-a","uid":"fleet-a"},
         "spec":{"connectGatewayEndpoints":[{"name":"no id"}]},
         "status":{"conditions":[{"type":"Federation","status":"Connected"}]}}
        """;

    /// <summary>A kubeconfig that plants a second cluster, user and context: the kubeconfig check must refuse it.</summary>
    private static readonly string PlantedKubeconfig = ClientFixture.KubeconfigJson
        .Replace("""}}],""", """}},{"name":"prod","cluster":{"server":"https://evil.example"}}],""", StringComparison.Ordinal);

    public static TheoryData<string> Paths() => new(PathCalls.Keys);

    private static readonly Dictionary<string, Func<FleetClient, int, Task>> PathCalls = new()
    {
        ["group CreateFederationCertAsync"] = (c, d) => c.Federation.CreateFederationCertAsync(Fleet, ClientFixture.Request(d)),
        ["group CreateFederationCertWithResponseAsync"] = (c, d) => c.Federation.CreateFederationCertWithResponseAsync(Fleet, ClientFixture.Request(d)),
        ["group DownloadFederationKubeconfigAsync"] = (c, d) => c.Federation.DownloadFederationKubeconfigAsync(Fleet, new DownloadFederationKubeconfigRequestBody { Duration = d }),
        ["composed GetFederationKubeconfigAsync"] = (c, d) => c.GetFederationKubeconfigAsync(Fleet, d),
        ["composed GetFederationKubeconfigAsync with a VPC"] = (c, d) => c.GetFederationKubeconfigAsync(Fleet, d, "p", "v", "s"),
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_planted_kubeconfig_is_refused_through_every_path(string path)
    {
        await using var server = await HostileServer(ConnectedFleet);

        await ThroughEveryClientAsync(server, async client =>
        {
            var error = await Assert.ThrowsAsync<UcsApiException>(() => PathCalls[path](client, 30));

            Assert.Contains("clusters: a federation kubeconfig has exactly one entry here, this one has 2", error.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_body_out_of_the_contracts_range_is_refused_through_every_path_before_anything_is_sent(string path)
    {
        await using var server = await HostileServer(ConnectedFleet);

        await ThroughEveryClientAsync(server, async client =>
        {
            var error = await Assert.ThrowsAsync<FleetValidationException>(() => PathCalls[path](client, 0));

            Assert.Contains("duration: \"0\" must be between 1 and 1825", error.Message, StringComparison.Ordinal);
        });

        Assert.Empty(server.Requests);
    }

    public static TheoryData<string> ConnectionPaths() => new(ConnectionCalls.Keys);

    private static readonly Dictionary<string, Func<FleetClient, Task>> ConnectionCalls = new()
    {
        ["group CreateFederationConnectionAsync"] = c => c.Federation.CreateFederationConnectionAsync(Fleet, new CreateFederationConnectionRequestBody { ProjectID = string.Empty, VpcID = "v", SubnetID = "s" }),
        ["group CreateFederationConnectionWithResponseAsync"] = c => c.Federation.CreateFederationConnectionWithResponseAsync(Fleet, new CreateFederationConnectionRequestBody { ProjectID = string.Empty, VpcID = "v", SubnetID = "s" }),
        ["group CreateFederationCertAsync"] = c => c.Federation.CreateFederationCertAsync(Fleet, new CreateFederationCertRequestBody { ProjectID = string.Empty, VpcID = "v", SubnetID = "s", Duration = 30 }),
        ["composed EnsureFederationConnectionAsync"] = c => c.EnsureFederationConnectionAsync(Fleet, string.Empty, "v", "s"),
        ["composed GetFederationKubeconfigAsync with a VPC"] = c => c.GetFederationKubeconfigAsync(Fleet, 30, string.Empty, "v", "s"),
    };

    [Theory]
    [MemberData(nameof(ConnectionPaths))]
    public async Task An_empty_project_id_is_refused_through_every_path_before_anything_is_sent(string path)
    {
        await using var server = await HostileServer(ConnectedFleet);

        await ThroughEveryClientAsync(server, async client =>
        {
            var error = await Assert.ThrowsAsync<FleetValidationException>(() => ConnectionCalls[path](client));

            Assert.Contains("projectID: \"\" must not be empty", error.Message, StringComparison.Ordinal);
        });

        Assert.Empty(server.Requests);
    }

    public static TheoryData<string> FleetReadingPaths() => new(FleetReadingCalls.Keys);

    private static readonly Dictionary<string, Func<FleetClient, Task>> FleetReadingCalls = new()
    {
        ["group ShowClusterGroupAsync"] = c => c.Fleet.ShowClusterGroupAsync(Fleet),
        ["group ShowClusterGroupWithResponseAsync"] = c => c.Fleet.ShowClusterGroupWithResponseAsync(Fleet),
        ["composed EnsureFederationConnectionAsync"] = c => c.EnsureFederationConnectionAsync(Fleet, "p", "v", "s"),
        ["composed GetFederationKubeconfigAsync"] = c => c.GetFederationKubeconfigAsync(Fleet, 30),
    };

    [Theory]
    [MemberData(nameof(FleetReadingPaths))]
    public async Task A_fleet_whose_endpoints_cannot_be_read_is_refused_through_every_path(string path)
    {
        await using var server = await HostileServer(UnreadableEndpointsFleet);

        await ThroughEveryClientAsync(server, async client =>
        {
            var error = await Assert.ThrowsAsync<UcsApiException>(() => FleetReadingCalls[path](client));

            Assert.Contains("the VPC endpoints of fleet fleet-a cannot be read: spec.connectGatewayEndpoints [0] has no id", error.Message, StringComparison.Ordinal);
        });

        Assert.DoesNotContain(server.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task Kiotas_request_builders_over_the_clients_engine_build_requests_but_cannot_send_them()
    {
        await using var server = await HostileServer(ConnectedFleet);
        using var client = new EngineExposingClient(ClientFixture.Options(server));
        var fluent = new UcsApiClient(client.ExposedEngine.Adapter);

        var built = fluent.V1.Clustergroups[Fleet].Cert.ToPostRequestInformation(ClientFixture.Request(0));
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => fluent.V1.Clustergroups[Fleet].Cert.PostAsync(ClientFixture.Request(0)));

        Assert.Equal($"{server.BaseUrl.GetLeftPart(UriPartial.Authority)}/v1/clustergroups/{Fleet}/cert", built.URI.ToString());
        Assert.Contains("client.{Group}.{OperationId}Async", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void No_public_member_of_the_client_or_its_groups_hands_out_Kiotas_client_or_adapter()
    {
        var kiota = new[] { typeof(UcsApiClient), typeof(Microsoft.Kiota.Abstractions.IRequestAdapter), typeof(Microsoft.Kiota.Abstractions.BaseRequestBuilder) };
        var types = new[] { typeof(FleetClient), typeof(FleetOperations), typeof(FederationOperations) };

        var leaks = types.SelectMany(t => t.GetProperties().Select(p => (t, p.Name, p.PropertyType)).Concat(t.GetMethods().Select(m => (t, m.Name, m.ReturnType))))
            .Where(m => kiota.Any(k => k.IsAssignableFrom(m.Item3)))
            .Select(m => $"{m.t.Name}.{m.Name}")
            .ToList();

        Assert.Empty(leaks);
    }

    /// <summary>The server: the fleet answer given, and <see cref="PlantedKubeconfig"/> for every kubeconfig call.</summary>
    private static Task<LoopbackServer> HostileServer(string fleet) => LoopbackServer.StartAsync(async context =>
    {
        var isFleet = context.Request.Method == "GET";
        context.Response.StatusCode = isFleet ? 200 : 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(isFleet ? fleet : PlantedKubeconfig);
    });

    /// <summary>Runs <paramref name="check"/> on a client made with <c>new</c>, then on one registered with <c>AddFleetClient</c>, over the same server.</summary>
    private static async Task ThroughEveryClientAsync(LoopbackServer server, Func<FleetClient, Task> check)
    {
        using (var direct = new FleetClient(ClientFixture.Options(server)))
        {
            await check(direct);
        }

        var services = new ServiceCollection();
        ClientFixture.AddFleetClient(services, server);
        await using var provider = services.BuildServiceProvider();
        await check(provider.GetRequiredService<FleetClient>());
    }

    /// <summary>A subclass, the only way to reach the engine from outside generated code.</summary>
    private sealed class EngineExposingClient(FleetClientOptions options) : FleetClient(options)
    {
        public FleetEngine ExposedEngine => Engine;
    }
}
