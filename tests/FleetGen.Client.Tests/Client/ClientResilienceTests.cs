using System.Net;
using System.Text.RegularExpressions;
using FleetGen.Client.Http;
using FleetGen.Client.Telemetry;
using FleetGen.Client.Tests.DependencyInjection;
using FleetGen.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Client;

/// <summary>What the retry and deadline library (Polly) brings, held to FleetGen's rules: attempt timeouts, a total deadline over retries and their waits, bounded jitter.</summary>
public sealed partial class ClientResilienceTests
{
    [Fact]
    public async Task A_GET_attempt_that_outlives_AttemptTimeout_is_sent_again()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ClientFixture.Scripted(
            ClientFixture.Hang(() => arrived.TrySetResult()),
            ClientFixture.Respond(404, """{"error_code":"UCS.00000404","error_msg":"not found"}"""));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = FakeClockOptions(server, clock, Timeout.InfiniteTimeSpan);
        options.Retry = new FleetRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(10), BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        using var client = new FleetClient(options);

        var call = client.Fleet.ShowClusterGroupAsync("fleet-1");
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task When_every_attempt_outlives_AttemptTimeout_the_timeout_names_the_option()
    {
        var arrivals = new SemaphoreSlim(0);
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Hang(() => arrivals.Release()));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = FakeClockOptions(server, clock, Timeout.InfiniteTimeSpan);
        options.Retry = new FleetRetryOptions { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(10), BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        using var client = new FleetClient(options);

        var call = client.Fleet.ShowClusterGroupAsync("fleet-1");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.True(await arrivals.WaitAsync(TimeSpan.FromMinutes(1)));
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("within 10 s (FleetRetryOptions.AttemptTimeout) in any of its 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("safe to retry", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_call_deadline_bounds_retries_and_their_waits()
    {
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Respond(503, "{}", ("Retry-After", "20")));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = FakeClockOptions(server, clock, TimeSpan.FromSeconds(30));
        using var client = new FleetClient(options);

        // Three retries 20 s apart would answer 503 after 60 s; the 30 s deadline must end the call first.
        var call = client.Fleet.ShowClusterGroupAsync("fleet-1");
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("did not complete within 30 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 1, 2);
    }

    private static FleetClientOptions FakeClockOptions(LoopbackServer server, FakeTimeProvider clock, TimeSpan timeout)
    {
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = timeout;
        return options;
    }
}
