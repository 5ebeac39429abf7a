using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;

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

        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

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

        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

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
}
