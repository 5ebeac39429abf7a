using FleetGen.Client.Authentication;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using FleetGen.Client.Runtime;

namespace FleetGen.Client.Tests.Client;

/// <summary>Requests that break the contract fail before a byte is sent, naming the field, the value and the rule.</summary>
public sealed class ClientValidationTests
{
    public static TheoryData<string, CreateFederationCertRequestBody, string> InvalidRequests() => new()
    {
        { "fleet-1", ClientFixture.Request(duration: 0), "duration: \"0\" must be between 1 and 1825" },
        { "fleet-1", ClientFixture.Request(duration: 1826), "duration: \"1826\" must be between 1 and 1825" },
        { "fleet-1", ClientFixture.Request(duration: null), "duration: is required" },
        { "fleet-1", new CreateFederationCertRequestBody { VpcID = "v", SubnetID = "s", Duration = 30 }, "projectID: is required" },
        { "fleet-1", new CreateFederationCertRequestBody { ProjectID = "p", VpcID = "", SubnetID = "s", Duration = 30 }, "vpcID: \"\" must not be empty" },
        { "", ClientFixture.Request(), "clustergroupid: \"\" must not be empty" },
        { "..", ClientFixture.Request(), "clustergroupid: \"..\" cannot be sent" },
        { ".", ClientFixture.Request(), "clustergroupid: \".\" cannot be sent" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_request_is_refused_before_anything_is_sent(string fleetId, CreateFederationCertRequestBody request, string violation)
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => client.Federation.CreateFederationCertAsync(fleetId, request));

        Assert.Contains(error.Violations, v => v.ToString().StartsWith(violation, StringComparison.Ordinal));
        Assert.Contains(violation, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1825)]
    public async Task Bounds_come_from_the_contract(int duration)
    {
        var schema = ContractOperations.CreateFederationCert.Body!.Resolved().Properties!["duration"];
        Assert.Equal((1d, 1825d), (schema.Minimum, schema.Maximum));
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server));

        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request(duration: duration));

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", false, "only https is allowed")]
    [InlineData("http://example.com", true, "only https is allowed")]
    [InlineData("ftp://example.com", false, "must be an https URL")]
    [InlineData("https://ucs.example.com/v1", false, "must be the host alone")]
    public void Options_refuse_endpoints_that_are_not_https_hosts(string endpoint, bool allowHttp, string rule)
    {
        var options = new FleetClientOptions { Endpoint = new Uri(endpoint), AllowHttp = allowHttp, Credentials = new TokenCredentials("t") };

        var error = Assert.Throws<FleetClientOptionsException>(() => new FleetClient(options));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Equal("Endpoint", Assert.Single(error.Violations).Option);
    }

    [Fact]
    public void Options_without_credentials_take_the_default_chain_and_take_any_https_host()
    {
        Assert.IsType<DefaultCredentialChain>(new FleetClientOptions().Checked().Credentials);
        using var otc = new FleetClient(new FleetClientOptions { Endpoint = new Uri("https://ucs.eu-de.otc.t-systems.com"), Credentials = new TokenCredentials("t") });
        Assert.Equal("ucs.eu-de.otc.t-systems.com", otc.Endpoint.Host);
        using var intl = new FleetClient(new FleetClientOptions { Endpoint = UcsEndpoints.International, Credentials = new TokenCredentials("t") });
        Assert.Equal(new Uri("https://ucs-intl.myhuaweicloud.com"), intl.Endpoint);
    }
}
