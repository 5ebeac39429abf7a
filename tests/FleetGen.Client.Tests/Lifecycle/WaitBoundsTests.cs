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
        await using var server = await LoopbackServer.StartAsync(ClientFixture.Hang(() => arrived.TrySetResult()));
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

    [Fact]
    public async Task Enable_with_wait_does_not_take_an_old_job_without_uid_for_the_new_one()
    {
        var sent = DateTimeOffset.UtcNow;
        var old = sent.AddDays(-3);
        var polls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "POST")
            {
                context.Response.StatusCode = 201;
                await context.Response.WriteAsync("{}");
                return;
            }

            // Before the start call and at the first poll the service still shows the old job; then the new one runs and succeeds.
            var poll = Interlocked.Increment(ref polls);
            var (start, phase) = poll <= 2 ? (old, "Success") : (sent.AddSeconds(1), poll == 3 ? "Running" : "Success");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(UidlessJob(start, phase));
        });
        var options = ClientFixture.Options(server);
        options.TimeProvider = new JumpingClock(sent);
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        using var client = new FleetClient(options);

        var operation = await client.StartEnableFederationAsync(Fleet);
        await operation.WaitForCompletionAsync(new FederationWaitOptions { PollInterval = TimeSpan.FromSeconds(10) });

        var job = operation.Value;
        Assert.Equal(sent.AddSeconds(1).ToUnixTimeSeconds(), job.Status!.GetStartTime()!.Value.ToUnixTimeSeconds());
        Assert.Equal(4, polls);
    }

    [Fact]
    public async Task Without_uid_and_start_time_a_job_of_the_type_is_not_taken_for_the_new_one_when_one_was_there_before()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Method == "POST" ? "{}" : """{"kind":"Job","spec":{"type":"CreateFederation"},"status":{"phase":"Success"}}""");
        });
        var options = ClientFixture.Options(server);
        options.TimeProvider = new JumpingClock(DateTimeOffset.UtcNow);
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        using var client = new FleetClient(options);

        var operation = await client.StartEnableFederationAsync(Fleet);
        var error = await Assert.ThrowsAsync<FederationWaitTimeoutException>(() => operation.WaitForCompletionAsync(new FederationWaitOptions { PollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(30) }));

        Assert.Contains("no CreateFederation job was seen", error.Message, StringComparison.Ordinal);
    }

    private static string UidlessJob(DateTimeOffset start, string phase)
    {
        var time = start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff '+0000 UTC'", CultureInfo.InvariantCulture);
        return $$$"""
            {"kind":"Job","apiVersion":"v3","metadata":{"name":"createfederation-{{{Fleet}}}"},
             "spec":{"type":"CreateFederation","subJobs":[]},
             "status":{"phase":"{{{phase}}}","startTime":"{{{time}}}"}}
            """;
    }
}
