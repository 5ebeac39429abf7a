using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FleetGen.Client.Authentication;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.EndToEnd;

/// <summary>The FleetGen client against the fake UCS server generated from the same contract.</summary>
public sealed class FakeUcsServerTests : IAsyncLifetime
{
    private FakeUcsServer server = null!;

    public async Task InitializeAsync() => server = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private FleetClient Client(FleetCredentials? credentials = null, Action<FleetClientOptions>? configure = null)
    {
        var options = server.ClientOptions(credentials);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return new FleetClient(options);
    }

    private static AkSkCredentials AkSk(string secret = FakeUcsServerOptions.DefaultSecretKey) =>
        new(FakeUcsServerOptions.DefaultAccessKey, secret, "sts-token", "domain-1");

    [Fact]
    public async Task Token_call_returns_a_kubeconfig_with_a_client_certificate_valid_for_the_requested_days()
    {
        using var client = Client();

        var config = await client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request(duration: 7));

        config.Validate();
        Assert.Equal(Kubeconfig.NameForFleet(FakeUcsServerOptions.DefaultFleet), config.CurrentContext);
        Assert.Equal(server.Kubernetes.Url.ToString().TrimEnd('/'), config.Clusters![0].Cluster!.Server);
        using var certificate = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(config.Users![0].User!.ClientCertificateData!)));
        Assert.InRange(certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Assert.True(server.CertificateAuthority.IsIssuerOf(certificate));
        Assert.Equal("fake-000001", Assert.Single(server.Requests).RequestId);
    }

    [Fact]
    public async Task AkSk_call_is_accepted_by_the_server_s_signature_check()
    {
        using var client = Client(AkSk());

        var config = await client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request());

        Assert.Equal(Kubeconfig.NameForFleet(FakeUcsServerOptions.DefaultFleet), config.CurrentContext);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=FAKEUCSACCESSKEY", Assert.Single(server.Requests).Headers["Authorization"], StringComparison.Ordinal);
    }

    public static TheoryData<string> RejectedCredentials() => new() { "unknown token", "wrong secret key", "unknown access key", "skewed clock", "none" };

    [Theory]
    [MemberData(nameof(RejectedCredentials))]
    public async Task Bad_credentials_get_401_with_code_and_request_id(string kind)
    {
        FleetCredentials credentials = kind switch
        {
            "unknown token" => new TokenCredentials("not-a-token"),
            "wrong secret key" => AkSk("not-the-secret"),
            "unknown access key" => new AkSkCredentials("NOSUCHKEY", FakeUcsServerOptions.DefaultSecretKey),
            _ => AkSk(),
        };
        using var client = Client(credentials, o =>
        {
            if (kind == "skewed clock")
            {
                o.TimeProvider = new SteppingTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
            }
        });
        using var anonymous = new HttpClient();

        var error = kind == "none"
            ? await RawPostAsync(anonymous, FakeUcsServerOptions.DefaultFleet, ClientFixture.Request())
            : await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request()));

        Assert.Equal((401, UcsErrorCodes.AuthorizationFailed), (error.StatusCode, error.ErrorCode));
        Assert.Equal(Assert.Single(server.Requests).RequestId, error.RequestId);
    }

    [Fact]
    public async Task Unknown_fleet_is_404_and_a_fleet_without_federation_is_400()
    {
        server.AddFleet("fleet-plain", federationEnabled: false);
        using var client = Client();

        var unknown = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-nowhere", ClientFixture.Request()));
        var notFederated = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-plain", ClientFixture.Request()));

        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound, "fake-000001"), (unknown.StatusCode, unknown.ErrorCode, unknown.RequestId));
        Assert.Equal((400, UcsErrorCodes.ClusterGroupNotFederated, "fake-000002"), (notFederated.StatusCode, notFederated.ErrorCode, notFederated.RequestId));
    }

    [Fact]
    public async Task Fleet_ids_with_reserved_characters_reach_the_server_as_one_segment()
    {
        const string fleetId = "team a/fleet?#%-é";
        server.AddFleet(fleetId);
        using var client = Client(AkSk());

        var config = await client.Federation.CreateFederationCertAsync(fleetId, ClientFixture.Request());

        Assert.Equal(Kubeconfig.NameForFleet(fleetId), config.CurrentContext);
        Assert.Equal("/v1/clustergroups/team%20a%2Ffleet%3F%23%25-%C3%A9/cert", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Invalid_bodies_are_refused_by_the_client_before_sending_and_by_the_server_s_generated_validation()
    {
        using var client = Client();
        await Assert.ThrowsAsync<FleetValidationException>(() => client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request(duration: 0)));
        Assert.Empty(server.Requests);

        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Add("X-Auth-Token", FakeUcsServerOptions.DefaultToken);
        var error = await RawPostAsync(raw, FakeUcsServerOptions.DefaultFleet, ClientFixture.Request(duration: 0));

        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (error.StatusCode, error.ErrorCode));
        Assert.Contains("1825", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        server.EnqueueFault(FakeUcsFault.Throttle(TimeSpan.Zero));
        server.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));
        using var client = Client(AkSk());

        await client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request());

        Assert.Equal(3, server.Requests.Count);
    }

    public static TheoryData<string, int> ErrorFaults() => new()
    {
        { "500", 500 },
        { "503 without Retry-After", 503 },
        { "504", 504 },
        { "429 beyond the cap", 429 },
    };

    [Theory]
    [MemberData(nameof(ErrorFaults))]
    public async Task Faults_that_may_follow_an_action_are_not_retried(string fault, int status)
    {
        server.EnqueueFault(fault switch
        {
            "500" => FakeUcsFault.InternalError(),
            "503 without Retry-After" => FakeUcsFault.ServiceUnavailable(),
            "504" => FakeUcsFault.GatewayTimeout(),
            _ => FakeUcsFault.Throttle(TimeSpan.FromHours(1)),
        });
        using var client = Client();

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request()));

        Assert.Equal((status, "fake-000001"), (error.StatusCode, error.RequestId));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Malformed_json_slow_answers_and_dropped_connections_surface_clearly()
    {
        server.EnqueueFault(FakeUcsFault.MalformedJson());
        server.EnqueueFault(FakeUcsFault.Slow(TimeSpan.FromHours(1)));
        server.EnqueueFault(FakeUcsFault.DropConnection());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = Client(configure: o => (o.TimeProvider, o.Timeout) = (clock, TimeSpan.FromSeconds(30)));

        var malformed = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request()));
        var slow = client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request());
        await server.WhenRequestsReceivedAsync(2).WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitAsync(TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request()));

        Assert.Equal((201, "fake-000001"), (malformed.StatusCode, malformed.RequestId));
        Assert.Contains("the body is not JSON", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task The_returned_kubeconfig_saved_and_merged_works_with_kubectl_against_the_companion_endpoint()
    {
        using var client = Client(AkSk());
        using var folder = new TempFolder();
        var config = await client.Federation.CreateFederationCertAsync(FakeUcsServerOptions.DefaultFleet, ClientFixture.Request());

        await config.SaveAsync(folder.File("standalone"));
        await config.MergeIntoAsync(folder.File("merged"), new FleetGen.Client.KubeconfigFiles.KubeconfigMergeOptions { ContextName = "fake-fleet" });

        foreach (var (file, context) in new[] { ("standalone", Kubeconfig.NameForFleet(FakeUcsServerOptions.DefaultFleet)), ("merged", "fake-fleet") })
        {
            var (exitCode, output, error) = await Kubectl.RunAsync("--kubeconfig", folder.File(file), "--context", context, "get", "--raw", "/version");
            Assert.True(exitCode == 0, error);
            Assert.Contains(FakeKubernetesEndpoint.GitVersion, output, StringComparison.Ordinal);
        }

        Assert.True(server.Kubernetes.VersionRequests >= 2);
    }

    private async Task<UcsApiException> RawPostAsync(HttpClient http, string fleetId, CreateFederationCertRequestBody body)
    {
        var json = new { projectID = body.ProjectID, vpcID = body.VpcID, subnetID = body.SubnetID, duration = body.Duration };
        using var response = await http.PostAsJsonAsync(new Uri(server.BaseUrl, $"/v1/clustergroups/{fleetId}/cert"), json);
        var text = await response.Content.ReadAsStringAsync();
        var error = System.Text.Json.JsonDocument.Parse(text).RootElement;
        return new UcsApiException((int)response.StatusCode, error.GetProperty("error_code").GetString(), error.GetProperty("error_msg").GetString(),
            response.Headers.GetValues("X-Request-Id").Single());
    }
}
