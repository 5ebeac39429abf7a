using System.Globalization;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>A wait's timeout bounds the whole wait, the poll in flight included; a job counts as the new one only with evidence.</summary>
public sealed class WaitBoundsTests
{
    private const string Fleet = "fleet-1";

    [Fact]
    public async Task The_wait_timeout_ends_a_poll_that_never_answers()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = TimeSpan.FromSeconds(30);
        using var client = new FleetClient(options);

        var wait = client.WaitForFederationAsync(Fleet, new FederationWaitOptions { Timeout = TimeSpan.FromSeconds(3), PollInterval = TimeSpan.FromSeconds(1) });
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<FederationWaitTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("did not end within 3 s; no federation job was seen.", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
