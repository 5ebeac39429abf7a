using FleetGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Client;

/// <summary>Error messages that say what happened: a timed-out GET may be repeated; too many redirects are named.</summary>
public sealed class ClientMessageTests
{
    [Fact]
    public async Task A_timed_out_GET_says_it_may_be_retried()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Hang(() => arrived.TrySetResult()));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = TimeSpan.FromSeconds(30);
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        using var client = new FleetClient(options);

        var call = client.Fleet.ShowClusterGroupAsync("fleet-1");
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("GET", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not complete within 30 s", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may have acted", error.Message, StringComparison.Ordinal);
        Assert.Contains("safe to retry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_POST_still_says_it_was_not_retried()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Hang(() => arrived.TrySetResult()));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        using var client = new FleetClient(options);

        var call = client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("not retried, because the service may have acted on it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_redirects_are_named_as_such()
    {
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Respond(307, null, ("Location", "/v1/clustergroups/fleet-1"), ("X-Request-Id", "loop-1")));
        var options = ClientFixture.Options(server);
        options.MaxRedirects = 3;
        using var client = new FleetClient(options);

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Fleet.ShowClusterGroupAsync("fleet-1"));

        Assert.Equal(307, error.StatusCode);
        Assert.Contains("more than 3 redirects", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRedirects", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("empty body", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }
}
