using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>Enabling, waiting for and failing federation jobs against the stateful fake, on a clock the test controls.</summary>
public sealed class FederationWaitTests
{
    private const string Fleet = "fleet-new";

    [Fact]
    public async Task Enable_and_wait_reports_every_sub_job_and_polls_once_per_interval()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet(Fleet, federationEnabled: false);
        var progress = new RecordingProgress<FederationProgress>();

        var operation = await fixture.Client.StartEnableFederationAsync(Fleet);
        Assert.False(operation.HasCompleted);
        await operation.WaitForCompletionAsync(LifecycleFixture.Wait(), progress);

        var job = operation.Value;
        Assert.True(operation.HasCompleted);
        Assert.True(job.HasSucceeded());
        Assert.Equal(job.Metadata!.Uid, operation.JobId);
        Assert.Equal(FederationJobType.CreateFederation, job.Spec!.Type);
        Assert.Equal(
            [
                "CreateFederation Running: 0 of 4 sub-jobs done, running InstallFederationChart",
                "CreateFederation Running: 1 of 4 sub-jobs done, running CreateNetworkResource",
                "CreateFederation Running: 2 of 4 sub-jobs done, running CreateCert",
                "CreateFederation Running: 3 of 4 sub-jobs done, running CreateNode",
                "CreateFederation Success: 4 of 4 sub-jobs done",
            ],
            progress.Reports.Select(p => p.ToString()));

        // One poll per interval, never sooner: four steps of the job take four waits of the interval and five polls.
        Assert.Equal(Enumerable.Repeat(LifecycleFixture.Step, 4), fixture.Clock.Waits);
        Assert.Equal(["GET /federations/progress", "POST /federations", .. Enumerable.Repeat("GET /federations/progress", 5)], fixture.Calls(Fleet));
        var fleet = await fixture.Client.ShowClusterGroupAsync(Fleet);
        Assert.Equal(FederationStatus.Available, fleet.GetFederationCondition()!.Status);
    }

    [Fact]
    public async Task A_failed_sub_job_raises_a_typed_exception_with_the_phase_the_reason_and_the_sub_job()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet(Fleet, federationEnabled: false);
        fixture.Server.FailNextJob("CreateCert", "certificate quota exceeded");

        var operation = await fixture.Client.StartEnableFederationAsync(Fleet);
        var error = await Assert.ThrowsAsync<FederationJobFailedException>(() => operation.WaitForCompletionAsync(LifecycleFixture.Wait()));

        Assert.Equal(("Failed", "CreateCert", "certificate quota exceeded", FederationStatus.CreateFailed, FederationJobType.CreateFederation),
            (error.Phase, error.FailedSubJob, error.Reason, error.FederationStatus, error.JobType));
        Assert.Contains("sub-job CreateCert", error.Message, StringComparison.Ordinal);
        Assert.Equal(Fleet, error.FleetId);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasValue);
        Assert.Same(error, Assert.Throws<FederationJobFailedException>(() => operation.Value));
    }

    [Fact]
    public async Task A_job_that_never_ends_times_out_saying_where_it_stood()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet(Fleet, federationEnabled: false);
        fixture.Server.StallNextJob();
        await fixture.Client.EnableFederationAsync(Fleet);

        var error = await Assert.ThrowsAsync<FederationWaitTimeoutException>(() => fixture.Client.WaitForFederationAsync(Fleet, LifecycleFixture.Wait(TimeSpan.FromSeconds(95))));

        Assert.Contains("did not end within 95 s; it stood at: CreateFederation Running: 3 of 4 sub-jobs done, running CreateNode.", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, "CreateNode"), (error.LastProgress!.SubJobsDone, error.LastProgress.RunningSubJob));
        Assert.All(fixture.Clock.Waits.SkipLast(1), wait => Assert.Equal(LifecycleFixture.Step, wait));
        Assert.Equal(TimeSpan.FromSeconds(95), fixture.Clock.Waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait));
    }

    [Fact]
    public async Task Throttling_during_a_wait_is_honoured_never_polling_sooner_than_Retry_After()
    {
        await using var fixture = await LifecycleFixture.StartAsync(configure: o => o.Retry.MaxRetries = 0);
        fixture.Server.AddFleet(Fleet, federationEnabled: false);
        await fixture.Client.EnableFederationAsync(Fleet);
        fixture.Server.EnqueueFault(FakeUcsFault.Throttle(TimeSpan.FromSeconds(30)));

        var job = await fixture.Client.WaitForFederationAsync(Fleet, LifecycleFixture.Wait());

        Assert.True(job.HasSucceeded());
        Assert.Equal(TimeSpan.FromSeconds(30), fixture.Clock.Waits[0]);
        Assert.All(fixture.Clock.Waits, wait => Assert.True(wait >= LifecycleFixture.Step));
    }

    [Fact]
    public async Task Cancellation_stops_a_wait_at_once()
    {
        await using var server = await FakeUcsServer.StartAsync();
        server.AddFleet(Fleet, federationEnabled: false);
        var options = server.ClientOptions();
        options.TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new FleetClient(options);
        await client.EnableFederationAsync(Fleet);
        using var cancel = new CancellationTokenSource();

        // The clock never moves: the wait would sleep forever between its first and second poll.
        var wait = client.WaitForFederationAsync(Fleet, new FederationWaitOptions { PollInterval = TimeSpan.FromMinutes(1) }, null, cancel.Token);
        await server.WhenRequestsReceivedAsync(2).WaitAsync(TimeSpan.FromMinutes(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public async Task Wait_options_out_of_range_are_refused_before_anything_is_sent(int intervalSeconds, int timeoutSeconds)
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        var options = new FederationWaitOptions { PollInterval = TimeSpan.FromSeconds(intervalSeconds), Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        var operation = new FederationJobOperation(fixture.Client, Fleet, "job-1");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => operation.WaitForCompletionAsync(options));

        Assert.Contains(intervalSeconds == 0 ? "PollInterval" : "Timeout", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Server.Requests);
    }

    [Fact]
    public async Task Disable_upgrade_and_rollback_run_their_own_jobs_and_wait_for_them()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        var fleet = FakeUcsServerOptions.DefaultFleet;
        await fixture.Client.EnsureFederationConnectionAsync(fleet, "p", "v", "s");

        var upgrade = await fixture.Client.StartUpgradeFederationAsync(fleet, "v1.5.0");
        await upgrade.WaitForCompletionAsync(LifecycleFixture.Wait());
        Assert.Equal("v1.5.0", (await fixture.Client.ShowClusterGroupAsync(fleet)).Spec!.FederationVersion);
        var rollback = await fixture.Client.StartRollbackFederationAsync(fleet);
        await rollback.WaitForCompletionAsync(LifecycleFixture.Wait());
        Assert.Equal("v1.3.0", (await fixture.Client.ShowClusterGroupAsync(fleet)).Spec!.FederationVersion);
        var disable = await fixture.Client.StartDisableFederationAsync(fleet);
        await disable.WaitForCompletionAsync(LifecycleFixture.Wait());

        Assert.Equal([FederationJobType.UpgradeFederation, FederationJobType.RollbackFederation, FederationJobType.DeleteFederation], new[] { upgrade.Value.Spec!.Type!, rollback.Value.Spec!.Type!, disable.Value.Spec!.Type! });
        var after = await fixture.Client.ShowClusterGroupAsync(fleet);
        Assert.Null(after.GetFederationCondition());
        Assert.Empty(after.GetConnectionEndpoints());
    }

    [Fact]
    public async Task Calls_in_the_wrong_state_get_the_documented_error_codes()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        var fleet = FakeUcsServerOptions.DefaultFleet;
        fixture.Server.AddFleet(Fleet, federationEnabled: false);

        var enableTwice = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.EnableFederationAsync(fleet));
        var rollbackFirst = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.RollbackFederationAsync(fleet));
        var disableUnfederated = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.DisableFederationAsync(Fleet));
        var noJob = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.ShowFederationProgressAsync(Fleet));
        var unknown = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.ShowClusterGroupAsync("no-such-fleet"));

        Assert.Equal(
            [(400, UcsErrorCodes.ClusterGroupAlreadyFederated), (400, UcsErrorCodes.FederationValidationFailed), (400, UcsErrorCodes.ClusterGroupNotFederated), (404, UcsErrorCodes.ResourceNotFound), (404, UcsErrorCodes.ClusterGroupNotFound)],
            new[] { enableTwice, rollbackFirst, disableUnfederated, noJob, unknown }.Select(e => (e.StatusCode, e.ErrorCode!)));
    }
}
