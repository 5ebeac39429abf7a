using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetGen.Client.Tests.DependencyInjection;

/// <summary>
/// AddFleetClient and AddKeyedFleetClient as the README shows them: without credentials in the options, the default
/// chain serves. The environment is handed to the chain through its options, never set on the process.
/// </summary>
public sealed class CredentialChainRegistrationTests : IAsyncLifetime
{
    private LoopbackServer ucs = null!;
    private LoopbackServer noMetadata = null!;

    public async Task InitializeAsync()
    {
        ucs = await ClientFixture.KubeconfigServer();
        noMetadata = await LoopbackServer.StartAsync(404, "{}");
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        await noMetadata.DisposeAsync();
    }

    private void Point(FleetClientOptions options, Dictionary<string, string?> environment)
    {
        options.Endpoint = ucs.BaseUrl;
        options.AllowHttp = true;
        options.CredentialChain = new DefaultCredentialChainOptions
        {
            Environment = name => environment.GetValueOrDefault(name),
            ProfilePath = Path.Combine(Path.GetTempPath(), $"fleetgen-no-profile-{Guid.NewGuid():N}"),
            MetadataEndpoint = noMetadata.BaseUrl,
        };
    }

    [Fact]
    public async Task AddFleetClient_without_credentials_signs_with_the_environments_AK_SK_and_says_so_in_the_log()
    {
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddFleetClient(o => Point(o, new()
        {
            ["HUAWEICLOUD_SDK_AK"] = ClientFixture.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = ClientFixture.SecretKey,
            ["HUAWEICLOUD_SDK_DOMAIN_ID"] = "d-di-1",
        }));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredService<FleetClient>().Federation.CreateFederationCertAsync("f", ClientFixture.Request());

        var request = Assert.Single(ucs.Requests);
        Assert.Equal("d-di-1", request.Headers["X-Domain-Id"]);
        Assert.True(IndependentSignatureVerifier.Verify(request, ClientFixture.AccessKey, ClientFixture.SecretKey, out var reason), reason);
        var served = Assert.Single(logs.Logs, l => l.Category == "FleetGen.Client" && l.Level == LogLevel.Information && l.Message.StartsWith("UCS credentials: ", StringComparison.Ordinal));
        Assert.EndsWith("from the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)", served.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFixture.SecretKey, string.Join('\n', logs.Logs.Select(l => l.Message)), StringComparison.Ordinal);
        Assert.Empty(noMetadata.Requests);
    }

    [Fact]
    public async Task AddKeyedFleetClient_without_credentials_sends_UCS_AUTH_TOKEN_first_of_the_chain()
    {
        var services = new ServiceCollection();
        services.AddKeyedFleetClient("cn", o => Point(o, new()
        {
            ["UCS_AUTH_TOKEN"] = ClientFixture.Token,
            ["HUAWEICLOUD_SDK_AK"] = ClientFixture.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = ClientFixture.SecretKey,
        }));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<FleetClient>("cn").Federation.CreateFederationCertAsync("f", ClientFixture.Request());

        var request = Assert.Single(ucs.Requests);
        Assert.Equal(ClientFixture.Token, request.Headers["X-Auth-Token"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_registration_from_configuration_without_credentials_fails_at_the_first_call_naming_every_source()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ucs:Retry:MaxRetries"] = "0" }).Build();
        var services = new ServiceCollection();
        services.AddKeyedFleetClient("intl", configuration.GetSection("Ucs"), o => Point(o, []));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => provider.GetRequiredKeyedService<FleetClient>("intl").Fleet.ShowClusterGroupAsync("f"));

        Assert.Equal(FleetCredentialProblem.NotFound, error.Problem);
        Assert.StartsWith("No credentials found; tried in order: UCS_AUTH_TOKEN: not set; environment (HUAWEICLOUD_SDK_*): neither", error.Message, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }
}
