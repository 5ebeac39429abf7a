using FleetGen.Client.Authentication;
using FleetGen.Client.Telemetry;
using FleetGen.Client.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FleetGen.Client.Tests.Client;

/// <summary>Credentials never follow a redirect to another origin.</summary>
public sealed class ClientRedirectTests
{
    private static readonly string[] CredentialHeaders = ["X-Auth-Token", "Authorization", "X-Security-Token", "X-Sdk-Date", "X-Domain-Id"];

    public static TheoryData<string> CredentialKinds() => new() { "token", "aksk" };

    private static FleetCredentials Credentials(string kind) => kind == "token"
        ? new TokenCredentials(ClientFixture.Token)
        : new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.SecurityToken, "domain-1");

    [Theory]
    [MemberData(nameof(CredentialKinds))]
    public async Task A_cross_origin_redirect_carries_no_credential_header(string kind)
    {
        await using var elsewhere = await ClientFixture.KubeconfigServer();
        var target = new Uri(elsewhere.BaseUrl, "/landing");
        await using var endpoint = await ClientFixture.Scripted(ClientFixture.Respond(307, null, ("Location", target.ToString())));
        using var client = new FleetClient(ClientFixture.Options(endpoint, Credentials(kind)));

        await client.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Single(endpoint.Requests);
        var redirected = Assert.Single(elsewhere.Requests);
        Assert.Equal(("POST", "/landing"), (redirected.Method, redirected.RawTarget));
        Assert.Equal(endpoint.Requests[0].BodyText, redirected.BodyText);
        Assert.DoesNotContain(redirected.Headers.Keys, k => CredentialHeaders.Contains(k, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(CredentialKinds))]
    public async Task A_same_origin_redirect_is_authenticated_again(string kind)
    {
        await using var endpoint = await ClientFixture.Scripted(ClientFixture.Respond(308, null, ("Location", "/v1/clustergroups/moved/cert")), ClientFixture.Respond(201, ClientFixture.KubeconfigJson));
        using var client = new FleetClient(ClientFixture.Options(endpoint, Credentials(kind)));

        await client.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Equal(2, endpoint.Requests.Count);
        var redirected = endpoint.Requests[1];
        Assert.Equal("/v1/clustergroups/moved/cert", redirected.RawTarget);
        if (kind == "token")
        {
            Assert.Equal(ClientFixture.Token, redirected.Headers["X-Auth-Token"]);
        }
        else
        {
            Assert.True(IndependentSignatureVerifier.Verify(redirected, ClientFixture.AccessKey, ClientFixture.SecretKey, out var reason), reason);
        }
    }

    [Fact]
    public async Task A_request_option_cannot_switch_the_redirect_rules_off()
    {
        // Kiota's own RedirectHandler obeys a RedirectHandlerOption carried by the request: FleetGen's pipeline ignores it.
        await using var elsewhere = await ClientFixture.KubeconfigServer();
        await using var endpoint = await ClientFixture.Scripted(ClientFixture.Respond(307, null, ("Location", new Uri(elsewhere.BaseUrl, "/landing").ToString())));
        var options = ClientFixture.Options(endpoint);
        using var telemetry = new FleetTelemetry(null, null);
        using var invoker = new HttpMessageInvoker(FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(options, telemetry), FleetHandlerPipeline.Transport(options)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.BaseUrl, "/v1/clustergroups/fleet-1"));
        var permissive = new RedirectHandlerOption { AllowRedirectOnSchemeChange = true, ScrubSensitiveHeaders = (_, _, _) => { } };
        request.Options.Set(new HttpRequestOptionsKey<IRequestOption>(typeof(RedirectHandlerOption).FullName!), permissive);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(ClientFixture.Token, Assert.Single(endpoint.Requests).Headers["X-Auth-Token"]);
        Assert.DoesNotContain(Assert.Single(elsewhere.Requests).Headers.Keys, k => CredentialHeaders.Contains(k, StringComparer.OrdinalIgnoreCase));
    }
}
