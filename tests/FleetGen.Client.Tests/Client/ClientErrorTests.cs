using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Client;

/// <summary>Every answer that is not a success becomes one <see cref="UcsApiException"/>, whatever the body.</summary>
public sealed class ClientErrorTests
{
    [Theory]
    [InlineData("""{"error_code":"UCS.01100005","error_msg":"ClusterGroup Not Found."}""", null, 404, "UCS.01100005", "ClusterGroup Not Found.", null)]
    [InlineData("""{"error_code":"UCS.01100005","error_msg":"ClusterGroup Not Found.","request_id":"body-id"}""", "header-id", 404, "UCS.01100005", "ClusterGroup Not Found.", "body-id")]
    [InlineData("""{"code":"UCS.00000012","message":"Invalid request body."}""", "header-id", 400, "UCS.00000012", "Invalid request body.", "header-id")]
    [InlineData("""{"error":{"code":"UCS.00000004","message":"Request forbidden."}}""", "hdr", 403, "UCS.00000004", "Request forbidden.", "hdr")]
    [InlineData("""{"error_code":"UCS.01080006","error_msg":"Cluster group has not been federalized."}""", null, 400, "UCS.01080006", "Cluster group has not been federalized.", null)]
    public async Task Each_documented_error_shape_gives_code_message_and_request_id(string body, string? headerRequestId, int status, string code, string message, string? requestId)
    {
        var headers = headerRequestId is null ? Array.Empty<(string, string)>() : [("X-Request-Id", headerRequestId)];
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(status, body, headers));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal((status, code, message, requestId), (error.StatusCode, error.ErrorCode, error.ErrorMessage, error.RequestId));
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(error.RawBody);
    }

    [Fact]
    public async Task Documented_error_codes_are_named_constants_usable_in_catch_filters()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(400, """{"error_code":"UCS.01080006","error_msg":"Cluster group has not been federalized."}"""));
        using var client = new FleetClient(ClientFixture.Options(server));
        var caught = false;

        try
        {
            await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());
        }
        catch (UcsApiException e) when (e.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
        {
            caught = true;
        }

        Assert.True(caught);
        Assert.Equal("UCS.00000018", UcsErrorCodes.AuthorizationFailed);
        Assert.Equal("UCS.01000002", UcsErrorCodes.Throttled);
    }

    [Theory]
    [InlineData(502, "", "UCS answered 502 (BadGateway) with an empty body (request id gw-1).")]
    [InlineData(503, "<html><body>Service Unavailable</body></html>", "UCS answered 503 (ServiceUnavailable) with a body that is not a UCS error: \"<html><body>Service Unavailable</body></html>\" (request id gw-1).")]
    [InlineData(500, "[1,2,3]", "UCS answered 500 (InternalServerError) with a body that is not a UCS error: \"[1,2,3]\" (request id gw-1).")]
    public async Task Empty_and_non_json_error_bodies_still_give_the_typed_exception(int status, string body, string message)
    {
        await using var server = await ClientFixture.Scripted(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers["X-Request-Id"] = "gw-1";
            await context.Response.WriteAsync(body);
        });
        var options = ClientFixture.Options(server);
        options.Retry.MaxRetries = 0;
        using var client = new FleetClient(options);

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal((status, null, "gw-1"), (error.StatusCode, error.ErrorCode, error.RequestId));
        Assert.Equal(message, error.Message);
        Assert.Equal(body, error.RawBody);
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_in_part_and_kept_truncated()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(500, huge));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(UcsApiException.MaxRawBodyLength, error.RawBody!.Length);
        Assert.True(error.Message.Length < 400);
    }

    [Theory]
    [InlineData("not json at all", "the body is not JSON")]
    [InlineData("""{"kind":"Config","clusters":[{"name":"c","cluster":{"server":"https://h:1"}}""", "the body is not JSON")]
    [InlineData("""{"clusters":"everything","users":[],"contexts":[]}""", "the body is not a usable kubeconfig: clusters: is a string, not an array")]
    [InlineData("""{"kind":"Config","apiVersion":"v1","current-context":"x"}""", "the body is not a usable kubeconfig: clusters: the kubeconfig has none")]
    [InlineData("""{"clusters":[{"name":"c","cluster":{"server":5443}}],"users":[{"name":"u","user":{}}],"contexts":[{"name":"x","context":{"cluster":"c","user":"u"}}],"current-context":"x"}""", "the body is not a usable kubeconfig: clusters[0].cluster.server: is a number, not a string")]
    [InlineData("", "the body is empty")]
    public async Task A_success_whose_body_is_not_a_usable_kubeconfig_raises_a_clear_exception(string body, string problem)
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, body, ("X-Request-Id", "ok-1")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal((201, "ok-1"), (error.StatusCode, error.RequestId));
        Assert.Contains("UCS answered 201 (Created), but " + problem, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Secrets_appear_in_no_exception_message_and_no_ToString()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(401, """{"error_code":"UCS.00000018","error_msg":"Authorization failed."}"""));
        var token = new TokenCredentials(ClientFixture.Token);
        var aksk = new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.SecurityToken);
        var texts = new List<string> { token.ToString(), aksk.ToString(), ClientFixture.Options(server, aksk).ToString() };
        foreach (var credentials in new FleetCredentials[] { token, aksk })
        {
            using var client = new FleetClient(ClientFixture.Options(server, credentials));
            var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));
            texts.Add(error.ToString());
            texts.Add(string.Join(";", error.ResponseHeaders.SelectMany(h => h.Value)));
        }

        foreach (var secret in new[] { ClientFixture.Token, ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.SecurityToken })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Credentials_come_from_the_variables_the_official_sdks_use()
    {
        var environment = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = "ak", ["HUAWEICLOUD_SDK_SK"] = "sk",
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "sts", ["HUAWEICLOUD_SDK_DOMAIN_ID"] = "dom",
        };

        var aksk = Assert.IsType<AkSkCredentials>(FleetCredentials.FromEnvironment(n => environment.GetValueOrDefault(n), null));
        Assert.Equal("dom", aksk.DomainId);
        Assert.IsType<TokenCredentials>(FleetCredentials.FromEnvironment(n => n == "UCS_AUTH_TOKEN" ? "t" : null, null));

        environment["UCS_AUTH_TOKEN"] = "t";
        Assert.Equal(FleetCredentialProblem.Ambiguous, Assert.Throws<FleetCredentialsException>(() => FleetCredentials.FromEnvironment(n => environment.GetValueOrDefault(n), null)).Problem);
        Assert.IsType<TokenCredentials>(FleetCredentials.FromEnvironment(n => environment.GetValueOrDefault(n), FleetCredentialKind.Token));
        Assert.Equal(FleetCredentialProblem.Incomplete, Assert.Throws<FleetCredentialsException>(() => FleetCredentials.FromEnvironment(n => n == "HUAWEICLOUD_SDK_AK" ? "ak" : null, null)).Problem);
        Assert.Equal(FleetCredentialProblem.Missing, Assert.Throws<FleetCredentialsException>(() => FleetCredentials.FromEnvironment(_ => null, null)).Problem);
    }
}
