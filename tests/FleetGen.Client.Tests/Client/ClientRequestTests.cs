using System.Text.Json.Nodes;
using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace FleetGen.Client.Tests.Client;

/// <summary>What goes on the wire, checked by a real server on 127.0.0.1.</summary>
public sealed class ClientRequestTests
{
    /// <summary>The package version from git, without build metadata: 0.3.0, 0.3.0-dev.81 between releases.</summary>
    private const string UserAgent = @"^FleetGen/\d+\.\d+\.\d+(-dev(\.\d+)?)?$";

    [Fact]
    public async Task Token_call_sends_the_documented_request_and_returns_the_kubeconfig()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server));

        var config = await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Equal(("ucs-fleet-1", "https://10.0.0.8:5443"), (config.CurrentContext, config.Clusters![0].Cluster!.Server));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/clustergroups/fleet-1/cert"), (request.Method, request.RawTarget));
        Assert.Equal(ClientFixture.Token, request.Headers["X-Auth-Token"]);
        Assert.Matches(UserAgent, request.Headers["User-Agent"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"projectID":"08d44be1ef00d22e2f6fc0061f54a2f1","vpcID":"11c9fe72-5a90-4295-bcfe-774726fb9066",
             "subnetID":"0de91d89-1e06-4e24-b371-35d5d3d3779b","duration":30}
            """), JsonNode.Parse(request.Body)));
    }

    [Fact]
    public async Task Token_provider_is_asked_before_every_request()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        var issued = 0;
        var options = ClientFixture.Options(server, new TokenCredentials(_ => ValueTask.FromResult($"token-{Interlocked.Increment(ref issued)}")));
        using var client = new FleetClient(options);

        await client.Federation.CreateFederationCertAsync("f", ClientFixture.Request());
        await client.Federation.CreateFederationCertAsync("f", ClientFixture.Request());

        Assert.Equal(["token-1", "token-2"], server.Requests.Select(r => r.Headers["X-Auth-Token"]));
    }

    [Theory]
    [InlineData("fleet-1", "fleet-1")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    [InlineData("..x", "..x")]
    [InlineData("what?now#frag", "what%3Fnow%23frag")]
    [InlineData("100%", "100%25")]
    [InlineData("with space", "with%20space")]
    [InlineData("flotte-é-艦隊", "flotte-%C3%A9-%E8%89%A6%E9%9A%8A")]
    public async Task Any_fleet_id_travels_as_one_encoded_path_segment_and_is_signed_as_sent(string fleetId, string segment)
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server, new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey)));

        await client.Federation.CreateFederationCertAsync(fleetId, ClientFixture.Request());

        var request = Assert.Single(server.Requests);
        Assert.Equal($"/v1/clustergroups/{segment}/cert", request.RawTarget);
        Assert.True(IndependentSignatureVerifier.Verify(request, ClientFixture.AccessKey, ClientFixture.SecretKey, out var reason), reason);
    }

    [Fact]
    public async Task AkSk_call_is_signed_over_host_date_domain_and_security_token_with_the_exact_body()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        var options = ClientFixture.Options(server, new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.SecurityToken, "domain-42"));
        options.TimeProvider = new SteppingTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        using var client = new FleetClient(options);

        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        var request = Assert.Single(server.Requests);
        Assert.True(IndependentSignatureVerifier.Verify(request, ClientFixture.AccessKey, ClientFixture.SecretKey, out var reason), reason);
        Assert.Contains("SignedHeaders=host;x-domain-id;x-sdk-date;x-security-token,", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(("20261128T100000Z", "domain-42", ClientFixture.SecurityToken, server.BaseUrl.Authority),
            (request.Headers["X-Sdk-Date"], request.Headers["X-Domain-Id"], request.Headers["X-Security-Token"], request.Headers["Host"]));
        Assert.False(request.Headers.ContainsKey("X-Auth-Token"));
    }

    [Fact]
    public async Task A_tampered_body_fails_the_independent_verification()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server, new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey)));
        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());
        var sent = Assert.Single(server.Requests);

        var tampered = sent with { Body = [.. sent.Body.Select(b => b == (byte)'3' ? (byte)'4' : b)] };

        Assert.False(IndependentSignatureVerifier.Verify(tampered, ClientFixture.AccessKey, ClientFixture.SecretKey, out _));
        Assert.False(IndependentSignatureVerifier.Verify(sent, ClientFixture.AccessKey, "another-secret", out _));
    }

    [Fact]
    public async Task AddFleetClient_registers_a_working_singleton_on_IHttpClientFactory()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        var services = new ServiceCollection();
        ClientFixture.AddFleetClient(services, server);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FleetClient>();
        var config = await client.Federation.CreateFederationCertAsync("fleet-di", ClientFixture.Request());

        Assert.Same(client, provider.GetRequiredService<FleetClient>());
        Assert.Equal("ucs-fleet-di", config.CurrentContext);
        var request = Assert.Single(server.Requests);
        Assert.Equal(ClientFixture.Token, request.Headers["X-Auth-Token"]);
        Assert.Matches(UserAgent, request.Headers["User-Agent"]);
    }
}
