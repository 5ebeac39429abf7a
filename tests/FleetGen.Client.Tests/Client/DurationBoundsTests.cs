using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Client;

/// <summary>Every duration and retry limit of the options has a maximum, checked when the client is made, naming the option and the rule.</summary>
public sealed class DurationBoundsTests
{
    public static TheoryData<string, Action<FleetClientOptions>> TooLong() => new()
    {
        { "Timeout", o => o.Timeout = TimeSpan.FromDays(100) },
        { "Retry.AttemptTimeout", o => o.Retry.AttemptTimeout = TimeSpan.FromDays(100) },
        { "Retry.BaseDelay", o => o.Retry.BaseDelay = TimeSpan.FromDays(100) },
        { "Retry.MaxDelay", o => o.Retry.MaxDelay = TimeSpan.FromHours(2) },
        { "Retry.MaxRetryAfter", o => o.Retry.MaxRetryAfter = TimeSpan.MaxValue },
        { "Retry.MaxRetries", o => o.Retry.MaxRetries = 1000 },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task An_option_beyond_its_maximum_is_refused_when_the_client_is_made(string option, Action<FleetClientOptions> configure)
    {
        await using var server = await ClientFixture.KubeconfigServer();
        var options = ClientFixture.Options(server);
        configure(options);

        var error = Assert.Throws<FleetClientOptionsException>(() => new FleetClient(options));

        var violation = Assert.Single(error.Violations);
        Assert.Equal(option, violation.Option);
        Assert.Contains("at most", violation.Problem, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_maxima_themselves_are_accepted_and_calls_work()
    {
        await using var server = await ClientFixture.KubeconfigServer();
        var options = ClientFixture.Options(server);
        options.Timeout = FleetClientOptions.MaxCallDuration;
        options.Retry = new FleetRetryOptions
        {
            AttemptTimeout = FleetClientOptions.MaxCallDuration,
            BaseDelay = FleetClientOptions.MaxCallDuration,
            MaxDelay = FleetClientOptions.MaxCallDuration,
            MaxRetryAfter = FleetClientOptions.MaxCallDuration,
            MaxRetries = FleetRetryOptions.MaxRetriesLimit,
        };
        using var client = new FleetClient(options);

        await client.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(10, 24 * 3600 + 1, "Timeout", "at most 24 h")]
    [InlineData(3601, 60, "PollInterval", "at most 1 h")]
    public async Task Wait_options_beyond_their_maximum_are_refused_before_anything_is_sent(int intervalSeconds, int timeoutSeconds, string option, string rule)
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server));
        var wait = new FederationWaitOptions { PollInterval = TimeSpan.FromSeconds(intervalSeconds), Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

        var operation = new FederationJobOperation(client, "fleet-1", "job-1");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => operation.WaitForCompletionAsync(wait));

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"FederationWaitOptions.{option}", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
