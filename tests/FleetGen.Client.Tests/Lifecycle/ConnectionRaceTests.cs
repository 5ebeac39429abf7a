using FleetGen.Client.Files;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>
/// Never two VPC endpoints, also when processes race each other, when the service shows a new endpoint only seconds
/// after an answer that was lost, and when the fleet's endpoint list cannot be read.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConnectionRaceTests : IDisposable
{
    private const string Fleet = FakeUcsServerOptions.DefaultFleet;
    private readonly TempFolder locks = new();

    public void Dispose() => locks.Dispose();

    [Fact]
    public async Task Five_clients_ensuring_a_connection_at_once_make_one_endpoint()
    {
        await using var server = await FakeUcsServer.StartAsync();
        var clients = Enumerable.Range(0, 5).Select(_ => Client(server.ClientOptions())).ToList();

        var results = await Task.WhenAll(clients.Select(c => Task.Run(() => c.EnsureFederationConnectionAsync(Fleet, "project-1", "vpc-1", "subnet-1"))));

        Assert.Single((await clients[0].Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.EndpointId).Where(id => id.Length > 0).Distinct());
        Assert.Single(server.Requests, r => r.Method == "POST");
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Two_clients_getting_credentials_at_once_for_a_fleet_without_a_connection_make_one_endpoint()
    {
        await using var server = await FakeUcsServer.StartAsync();
        var clients = Enumerable.Range(0, 2).Select(_ => Client(server.ClientOptions())).ToList();

        var configs = await Task.WhenAll(clients.Select(c => Task.Run(() => c.GetFederationKubeconfigAsync(Fleet, 7, "project-1", "vpc-1", "subnet-1"))));

        Assert.Single((await clients[0].Fleet.ShowClusterGroupAsync(Fleet)).GetConnectionEndpoints());
        Assert.Equal(["POST cert", "POST kubeconfig"], server.Requests.Where(r => r.Method == "POST").Select(r => "POST " + r.RawTarget.Split('/')[^1]).Order());
        Assert.All(configs, c => Assert.Equal(Kubeconfig.NameForFleet(Fleet), c.CurrentContext));
        clients.ForEach(c => c.Dispose());
    }

    [Theory]
    [InlineData("connection")]
    [InlineData("cert")]
    public async Task An_endpoint_that_shows_seconds_after_an_ambiguous_failure_is_found_without_a_second_create(string create)
    {
        using var service = new SlowToShowService(readsBeforeVisible: 3);
        await using var server = await LoopbackServer.StartAsync(service.RespondAsync);
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        using var client = Client(Options(server, clock));

        if (create == "connection")
        {
            var connection = await client.EnsureFederationConnectionAsync("fleet-a", "project-1", "vpc-1", "subnet-1");
            Assert.Equal(("ep-1", true), (connection.EndpointId, connection.Created));
        }
        else
        {
            var config = await client.GetFederationKubeconfigAsync("fleet-a", 7, "project-1", "vpc-1", "subnet-1");
            Assert.Equal("https://10.0.0.8:5443", config.GetCurrentServer());
        }

        Assert.Equal(1, service.Creates);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Waits.Where(w => w >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_second_create_comes_only_after_the_visibility_window_showed_no_endpoint()
    {
        using var service = new SlowToShowService(readsBeforeVisible: int.MaxValue);
        await using var server = await LoopbackServer.StartAsync(service.RespondAsync);
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        using var client = Client(Options(server, clock));

        await Assert.ThrowsAsync<UcsApiException>(() => client.EnsureFederationConnectionAsync("fleet-a", "project-1", "vpc-1", "subnet-1"));

        Assert.Equal(2, service.Creates);
        var windows = clock.Waits.Where(w => w >= TimeSpan.FromSeconds(1)).ToList();
        Assert.Equal(FleetClient.ConnectionVisibilityWindow * 2, windows.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Equal([1, 2, 4, 8, 5, 1, 2, 4, 8, 5], windows.Select(w => (int)w.TotalSeconds));
    }

    public static TheoryData<string, string> UnreadableEndpointLists() => new()
    {
        { "an object", """{"id":"ep-1","type":"VPCEP"}""" },
        { "a string", "\"ep-1\"" },
        { "an entry without an id", """[{"type":"VPCEP","name":"ep"}]""" },
        { "an entry with an empty id", """[{"id":"","type":"VPCEP"}]""" },
        { "an entry that is not an object", """["ep-1"]""" },
    };

    [Theory]
    [MemberData(nameof(UnreadableEndpointLists))]
    public async Task An_endpoint_list_that_cannot_be_read_is_an_error_and_nothing_is_created(string kind, string endpoints)
    {
        await using var server = await LoopbackServer.StartAsync(200, FleetJson("Available", endpoints));
        using var client = Client(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.EnsureFederationConnectionAsync("fleet-a", "project-1", "vpc-1", "subnet-1"));
        await Assert.ThrowsAsync<UcsApiException>(() => client.GetFederationKubeconfigAsync("fleet-a", 7, "project-1", "vpc-1", "subnet-1"));

        Assert.Contains("the VPC endpoints of fleet fleet-a cannot be read: spec.connectGatewayEndpoints", error.Message, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
        Assert.NotEmpty(kind);
    }

    [Fact]
    public async Task A_connected_fleet_that_lists_no_endpoint_is_an_error_and_nothing_is_created()
    {
        await using var server = await LoopbackServer.StartAsync(200, FleetJson("Connected", "[]"));
        using var client = Client(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.GetFederationKubeconfigAsync("fleet-a", 7, "project-1", "vpc-1", "subnet-1"));

        Assert.Contains("is Connected and no VPC endpoint is listed", error.Message, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_lock_folder_of_another_user_is_refused_before_anything_is_sent()
    {
        await using var server = await FakeUcsServer.StartAsync();
        var options = server.ClientOptions();
        options.LockDirectory = locks.File("theirs");
        Directory.CreateDirectory(options.LockDirectory);
        Assert.True(UnixFileSystem.TryChangeOwner(options.LockDirectory, 12345, 12345));
        using var client = new FleetClient(options);

        await Assert.ThrowsAsync<FleetGen.Client.Credentials.FederationCredentialCacheException>(() => client.EnsureFederationConnectionAsync(Fleet, "project-1", "vpc-1", "subnet-1"));

        Assert.Empty(server.Requests);
    }

    private static string FleetJson(string status, string endpoints) =>
        $$$"""{"kind":"ClusterGroup","metadata":{"uid":"fleet-a","name":"fleet-a"},"spec":{"connectGatewayEndpoints":{{{endpoints}}}},"status":{"conditions":[{"type":"Federation","status":"{{{status}}}"}]}}""";

    private static FleetClientOptions Options(LoopbackServer server, TimeProvider clock)
    {
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }

    private FleetClient Client(FleetClientOptions options)
    {
        options.LockDirectory = locks.Path;
        return new FleetClient(options);
    }

    /// <summary>
    /// A UCS whose creates act and then answer 502, and whose fleet lists the new endpoint only from the
    /// <c>readsBeforeVisible</c>-th read after the create on, as a service whose list catches up seconds later.
    /// </summary>
    private sealed class SlowToShowService(int readsBeforeVisible) : IDisposable
    {
        private readonly FakeCertificateAuthority pki = new();
        private int readsSinceCreate;
        private int creates;

        public int Creates => creates;

        public async Task RespondAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json";
            var path = context.Request.Path.Value!;
            if (context.Request.Method == "POST" && (path.EndsWith("/connection", StringComparison.Ordinal) || path.EndsWith("/cert", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref creates);
                readsSinceCreate = 0;
                context.Response.StatusCode = 502;
                await context.Response.WriteAsync("""{"error_code":"APIGW.0202","error_msg":"Bad gateway"}""");
                return;
            }

            if (context.Request.Method == "POST")
            {
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync(KubeconfigJson(pki.IssueKubeconfig(server: "https://10.0.0.8:5443")));
                return;
            }

            var visible = creates > 0 && Interlocked.Increment(ref readsSinceCreate) >= readsBeforeVisible;
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync(FleetJson(visible ? "Connected" : "Available", visible ? """[{"id":"ep-1","type":"VPCEP","name":"fed-ep","region":"cn-north-4"}]""" : "[]"));
        }

        public void Dispose() => pki.Dispose();

        private static string KubeconfigJson(Kubeconfig config)
        {
            using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
            writer.WriteObjectValue(null, config);
            using var reader = new StreamReader(writer.GetSerializedContent());
            return reader.ReadToEnd();
        }
    }
}
