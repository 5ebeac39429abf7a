using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>A federation job as a long-running operation: started, polled, and rebuilt from its ids in another client to finish the wait.</summary>
public sealed class FederationJobOperationTests
{
    private const string Fleet = "fleet-new";

    [Fact]
    public async Task An_upgrade_started_in_one_client_is_rebuilt_from_its_ids_in_another_and_waited_to_completion()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        var fleet = FakeUcsServerOptions.DefaultFleet;
        var started = await fixture.Client.StartUpgradeFederationAsync(fleet, "v1.5.0");
        Assert.NotNull(started.JobId);

        using var second = fixture.AnotherClient();
        var requestsBefore = fixture.Server.Requests.Count;
        var resumed = new FederationJobOperation(second, started.FleetId, started.JobId);
        Assert.Equal(requestsBefore, fixture.Server.Requests.Count);
        var progress = new RecordingProgress<FederationProgress>();
        await resumed.WaitForCompletionAsync(LifecycleFixture.Wait(), progress);

        Assert.True(resumed.HasCompleted);
        Assert.Equal((started.JobId, FederationJobType.UpgradeFederation, FederationJobPhase.Success), (resumed.Value.Metadata!.Uid, resumed.Value.Spec!.Type, resumed.Value.Status!.Phase));
        Assert.Equal("UpgradeFederation Success: 0 of 0 sub-jobs done", progress.Reports[^1].ToString());
        Assert.Equal("v1.5.0", (await second.ShowClusterGroupAsync(fleet)).Spec!.FederationVersion);

        // The first client's operation never polled: it has not seen the end, and says so rather than guess.
        Assert.False(started.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => started.Value);
    }

    [Fact]
    public async Task An_enable_learns_its_job_id_from_the_first_poll_and_can_then_be_resumed_elsewhere()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet(Fleet, federationEnabled: false);
        var started = await fixture.Client.StartEnableFederationAsync(Fleet);
        Assert.Null(started.JobId);

        var polled = await started.UpdateStatusAsync();

        Assert.NotNull(polled);
        Assert.Equal("Running", polled.Status!.Phase);
        Assert.Equal(polled.Metadata!.Uid, started.JobId);
        Assert.False(started.HasCompleted);
        using var second = fixture.AnotherClient();
        var resumed = new FederationJobOperation(second, Fleet, started.JobId!);
        await resumed.WaitForCompletionAsync(LifecycleFixture.Wait());
        Assert.Equal((started.JobId, FederationJobType.CreateFederation), (resumed.Value.Metadata!.Uid, resumed.Value.Spec!.Type));
        Assert.Equal(4, FederationProgress.Of(resumed.Value).SubJobsDone);

        // The first operation, polled again after the end, completes with the same job.
        await started.UpdateStatusAsync();
        Assert.Equal((true, resumed.Value.Metadata.Uid), (started.HasCompleted, started.Value.Metadata!.Uid));
    }

    [Fact]
    public async Task A_rebuilt_operation_follows_only_its_own_job()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        var fleet = FakeUcsServerOptions.DefaultFleet;
        var upgrade = await fixture.Client.StartUpgradeFederationAsync(fleet);
        await upgrade.WaitForCompletionAsync(LifecycleFixture.Wait());
        var rollback = await fixture.Client.StartRollbackFederationAsync(fleet);

        // The service now shows the rollback: an operation rebuilt from the upgrade's id does not take it for its own.
        var rebuilt = new FederationJobOperation(fixture.Client, fleet, upgrade.JobId!);
        Assert.Null(await rebuilt.UpdateStatusAsync());
        var error = await Assert.ThrowsAsync<FederationWaitTimeoutException>(() => rebuilt.WaitForCompletionAsync(LifecycleFixture.Wait(TimeSpan.FromSeconds(30))));

        Assert.Contains($"job {upgrade.JobId} was not seen", error.Message, StringComparison.Ordinal);
        Assert.False(rebuilt.HasCompleted);
        await rollback.WaitForCompletionAsync(LifecycleFixture.Wait());
        Assert.Equal(FederationJobType.RollbackFederation, rollback.Value.Spec!.Type);
    }

    [Fact]
    public async Task A_disable_whose_federation_is_gone_completes_without_a_job_to_show()
    {
        var polls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Method == "DELETE")
            {
                await context.Response.WriteAsync("\"\"");
                return;
            }

            // Before the start call the service shows the fleet's last job; once the federation is removed, "not federated".
            context.Response.StatusCode = Interlocked.Increment(ref polls) == 1 ? 200 : 400;
            await context.Response.WriteAsync(polls == 1
                ? """{"kind":"Job","metadata":{"uid":"create-1"},"spec":{"type":"CreateFederation"},"status":{"phase":"Success"}}"""
                : """{"error_code":"UCS.01080006","error_msg":"Cluster group has not been federalized."}""");
        });
        var options = ClientFixture.Options(server);
        options.TimeProvider = new JumpingClock(DateTimeOffset.UtcNow);
        using var client = new FleetClient(options);

        var disable = await client.StartDisableFederationAsync(Fleet);
        await disable.WaitForCompletionAsync(LifecycleFixture.Wait());

        Assert.Equal((true, false, 2), (disable.HasCompleted, disable.HasValue, polls));
        var error = Assert.Throws<InvalidOperationException>(() => disable.Value);
        Assert.Contains("the disable ended without a job to show", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilding_refuses_a_blank_fleet_or_job_id_before_anything_is_sent()
    {
        await using var fixture = await LifecycleFixture.StartAsync();

        var blankJob = Assert.ThrowsAny<ArgumentException>(() => new FederationJobOperation(fixture.Client, Fleet, " "));
        var blankFleet = Assert.ThrowsAny<ArgumentException>(() => new FederationJobOperation(fixture.Client, "", "job-1"));

        Assert.Equal(("jobId", "fleetId"), (blankJob.ParamName, blankFleet.ParamName));
        Assert.Empty(fixture.Server.Requests);
    }
}
