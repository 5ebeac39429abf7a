using System.Collections.Concurrent;
using System.Text.Json;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>
/// Policy and GitOps jobs as long-running operations, against a scripted Kestrel server on loopback whose answers
/// change poll by poll, and a client on a <see cref="JumpingClock"/>: waits end at once and are recorded.
/// </summary>
public sealed class JobOperationTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_fleet_policy_job_is_followed_by_the_id_its_start_answered_until_it_succeeds_polling_once_per_interval()
    {
        await using var server = await Routes(
            ("POST /v1/clustergroups/fleet-a/policy", [Answer(201, """{"jobID":"job-1"}""")]),
            ("GET /v1/policy/jobs/job-1", [PolicyJob("job-1", "Running"), PolicyJob("job-1", "Running"), PolicyJob("job-1", "Succeeded")]));
        var (client, clock) = Client(server);
        using var disposable = client;

        var job = await client.StartEnableClusterGroupPolicyAsync("fleet-a");
        Assert.Equal("job-1", job.JobId);
        Assert.False(job.HasCompleted);
        await job.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll });

        Assert.True(job.HasCompleted);
        Assert.True(job.HasValue);
        Assert.Equal(PolicyJobStatus.Succeeded, job.Value.Status!.Status);
        Assert.Equal(["POST /v1/clustergroups/fleet-a/policy", "GET /v1/policy/jobs/job-1", "GET /v1/policy/jobs/job-1", "GET /v1/policy/jobs/job-1"], server.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.Equal([Poll, Poll], clock.Waits.Where(w => w == Poll));
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("TimedOut")]
    public async Task A_policy_job_that_ended_Failed_or_TimedOut_throws_a_UcsApiException_naming_the_reason_and_the_failed_task(string status)
    {
        await using var server = await Routes(("GET /v1/policy/jobs/job-9", [PolicyJob("job-9", status, reason: "cluster c-1 is unavailable", failedTask: status)]));
        var (client, _) = Client(server);
        using var disposable = client;
        var job = new PolicyJobOperation(client, "job-9");

        var error = await Assert.ThrowsAsync<PolicyJobFailedException>(() => job.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll }));

        Assert.IsAssignableFrom<UcsApiException>(error);
        Assert.Equal($"The EnablePolicy job job-9 ended {status} (task InstallGatekeeper on cluster c-1): cluster c-1 is unavailable", error.Message);
        Assert.Equal(("job-9", status, "cluster c-1 is unavailable", "InstallGatekeeper on cluster c-1"), (error.JobId, error.Status, error.Reason, error.FailedTask));
        Assert.True(job.HasCompleted);
        Assert.False(job.HasValue);
        Assert.Same(error, Assert.Throws<PolicyJobFailedException>(() => job.Value));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_status_that_is_not_documented_is_waited_on_until_the_timeout_which_says_where_the_job_stood()
    {
        await using var server = await Routes(("GET /v1/policy/jobs/job-2", [PolicyJob("job-2", "Queued")]));
        var (client, _) = Client(server);
        using var disposable = client;
        var job = new PolicyJobOperation(client, "job-2");

        var error = await Assert.ThrowsAsync<JobWaitTimeoutException>(() => job.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll, Timeout = TimeSpan.FromSeconds(28) }));

        Assert.Equal("The policy job job-2 did not end within 28 s; it stood at: EnablePolicy Queued. The job goes on at the service.", error.Message);
        Assert.Equal(("job-2", "EnablePolicy Queued"), (error.JobId, error.LastStatus));
        Assert.False(job.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => job.Value);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task A_policy_job_is_rebuilt_from_its_id_in_another_client_and_nothing_is_sent_until_it_is_polled()
    {
        await using var server = await Routes(
            ("DELETE /v1/policyinstances/pi-1", [Answer(200, """{"jobId":"job-3"}""")]),
            ("GET /v1/policy/jobs/job-3", [PolicyJob("job-3", "Running"), PolicyJob("job-3", "Succeeded")]));
        var (first, _) = Client(server);
        using var disposable = first;
        var started = await first.StartDeletePolicyInstanceAsync("pi-1");
        var (second, _) = Client(server);
        using var disposableSecond = second;

        var rebuilt = new PolicyJobOperation(second, started.JobId!);
        Assert.Single(server.Requests);
        var polled = await rebuilt.UpdateStatusAsync();

        Assert.Equal("job-3", started.JobId);
        Assert.Equal((PolicyJobStatus.Running, false), (polled.Status!.Status, rebuilt.HasCompleted));
        await rebuilt.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll });
        Assert.Equal(PolicyJobStatus.Succeeded, rebuilt.Value.Status!.Status);
    }

    [Fact]
    public async Task A_start_answer_without_a_job_id_is_refused_and_a_poll_showing_another_job_is_refused()
    {
        await using var server = await Routes(
            ("POST /v1/clusters/c-1/policy", [Answer(200, "{}", ("X-Request-Id", "req-noid"))]),
            ("GET /v1/policy/jobs/job-4", [PolicyJob("job-5", "Succeeded")]));
        var (client, _) = Client(server);
        using var disposable = client;

        var start = await Assert.ThrowsAsync<UcsApiException>(() => client.StartEnableClusterPolicyAsync("c-1"));
        var poll = await Assert.ThrowsAsync<UcsApiException>(() => new PolicyJobOperation(client, "job-4").UpdateStatusAsync());

        Assert.Contains("it carries no job id (jobID or jobId) to follow the policy job with", start.Message, StringComparison.Ordinal);
        Assert.Equal("req-noid", start.RequestId);
        Assert.Contains("it shows the policy job job-5 when job-4 was asked for", poll.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_policy_start_sends_its_operation_and_follows_the_job_it_answers()
    {
        await using var server = await LoopbackServer.StartAsync(Answer(200, """{"jobID":"job-x"}"""));
        var (client, _) = Client(server);
        using var disposable = client;
        var body = new UcsConstraintRequest();

        PolicyJobOperation[] jobs =
        [
            await client.StartEnableClusterGroupPolicyAsync("f-1", "true"),
            await client.StartDisableClusterGroupPolicyAsync("f-1"),
            await client.StartEnableClusterPolicyAsync("c-1"),
            await client.StartDisableClusterPolicyAsync("c-1"),
            await client.StartCreateClusterGroupPolicyInstanceAsync("f-1", body),
            await client.StartCreateClusterPolicyInstanceAsync("c-1", body),
            await client.StartUpdatePolicyInstanceAsync("pi-1", body),
            await client.StartDeletePolicyInstanceAsync("pi-1"),
        ];

        Assert.All(jobs, j => Assert.Equal("job-x", j.JobId));
        Assert.Equal(
            ["POST /v1/clustergroups/f-1/policy?retry=true", "DELETE /v1/clustergroups/f-1/policy", "POST /v1/clusters/c-1/policy", "DELETE /v1/clusters/c-1/policy",
             "POST /v1/clustergroups/f-1/policyinstance", "POST /v1/clusters/c-1/policyinstance", "PUT /v1/policyinstances/pi-1", "DELETE /v1/policyinstances/pi-1"],
            server.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
    }

    [Fact]
    public async Task Enabling_GitOps_is_done_when_every_pod_is_Running_and_every_container_ready()
    {
        await using var server = await Routes(
            ("POST /v1/clusters/c-1/gitops", [Answer(201, """{"jobID":"job-g"}""")]),
            ("GET /v1/clusters/c-1/gitops", [Pods(), Pods(("source", "Pending", false)), Pods(("source", "Running", true), ("kustomize", "Running", false)), Pods(("source", "Running", true), ("kustomize", "Running", true))]));
        var (client, _) = Client(server);
        using var disposable = client;

        var job = await client.StartEnableGitOpsAsync("c-1");
        var first = await job.UpdateStatusAsync();
        Assert.Empty(first.Items!);
        Assert.False(job.HasCompleted);
        await job.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll });

        Assert.Equal(("job-g", GitOpsJobKind.Enable, "c-1"), (job.JobId, job.Kind, job.ClusterId));
        Assert.Equal(["source", "kustomize"], job.Value.Items!.Select(p => p.Metadata!.Name));
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Enabling_GitOps_fails_when_a_pod_is_Failed_and_the_timeout_says_how_many_pods_were_up()
    {
        await using var server = await Routes(
            ("GET /v1/clusters/c-1/gitops", [Pods(("source", "Running", true), ("kustomize", "Failed", false))]),
            ("GET /v1/clusters/c-2/gitops", [Pods(("source", "Running", true), ("kustomize", "Running", false))]));
        var (client, _) = Client(server);
        using var disposable = client;

        var failed = await Assert.ThrowsAsync<GitOpsJobFailedException>(() => new GitOpsJobOperation(client, "c-1", GitOpsJobKind.Enable, "job-h").WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll }));
        var timedOut = await Assert.ThrowsAsync<JobWaitTimeoutException>(() => new GitOpsJobOperation(client, "c-2", GitOpsJobKind.Enable).WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll, Timeout = TimeSpan.FromSeconds(12) }));

        Assert.Equal("The GitOps installation on cluster c-1 (job job-h) failed: pod kustomize is Failed", failed.Message);
        Assert.Equal(("c-1", "job-h", "kustomize"), (failed.ClusterId, failed.JobId, failed.Pod.Metadata!.Name));
        Assert.Equal("The GitOps installation on cluster c-2 did not end within 12 s; it stood at: 1 of 2 GitOps pods running and ready. The job goes on at the service.", timedOut.Message);
    }

    [Fact]
    public async Task Disabling_GitOps_is_done_when_no_pod_is_left_also_when_followed_from_another_client()
    {
        await using var server = await Routes(
            ("DELETE /v1/clusters/c-1/gitops", [Answer(200, """{"jobID":"job-d"}""")]),
            ("GET /v1/clusters/c-1/gitops", [Pods(("source", "Running", true)), Pods(("source", "Failed", false)), Pods()]));
        var (client, _) = Client(server);
        using var disposable = client;
        var started = await client.StartDisableGitOpsAsync("c-1");

        var rebuilt = new GitOpsJobOperation(client, started.ClusterId, started.Kind, started.JobId);
        await rebuilt.WaitForCompletionAsync(new JobWaitOptions { PollInterval = Poll });

        Assert.Equal(("job-d", GitOpsJobKind.Disable), (rebuilt.JobId, rebuilt.Kind));
        Assert.Empty(rebuilt.Value.Items!);
        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [InlineData(0, 60, "JobWaitOptions.PollInterval: must be positive and at most 1 h (JobWaitOptions.MaxPollInterval).")]
    [InlineData(5, 0, "JobWaitOptions.Timeout: must be positive and at most 24 h (JobWaitOptions.MaxTimeout).")]
    [InlineData(5, 90_000, "JobWaitOptions.Timeout: must be positive and at most 24 h (JobWaitOptions.MaxTimeout).")]
    public async Task Wait_options_out_of_range_are_refused_before_anything_is_sent(int pollSeconds, int timeoutSeconds, string message)
    {
        await using var server = await Routes(("GET /v1/policy/jobs/job-1", [PolicyJob("job-1", "Succeeded")]));
        var (client, _) = Client(server);
        using var disposable = client;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new PolicyJobOperation(client, "job-1").WaitForCompletionAsync(new JobWaitOptions { PollInterval = TimeSpan.FromSeconds(pollSeconds), Timeout = TimeSpan.FromSeconds(timeoutSeconds) }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static (FleetClient Client, JumpingClock Clock) Client(LoopbackServer server)
    {
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        return (new FleetClient(options), clock);
    }

    /// <summary>A server that answers "METHOD path" with its answers one after the other, the last one from then on; 404 for anything else.</summary>
    private static Task<LoopbackServer> Routes(params (string Route, Func<HttpContext, Task>[] Answers)[] routes)
    {
        var asked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        return LoopbackServer.StartAsync(context =>
        {
            var route = $"{context.Request.Method} {context.Request.Path}";
            var answers = routes.FirstOrDefault(r => r.Route == route).Answers;
            if (answers is null)
            {
                return Answer(404, """{"error_code":"UCS.00000404","error_msg":"no such route"}""")(context);
            }

            var n = asked.AddOrUpdate(route, 0, (_, count) => count + 1);
            return answers[Math.Min(n, answers.Length - 1)](context);
        });
    }

    private static Func<HttpContext, Task> Answer(int status, string json, params (string Name, string Value)[] headers) => ClientFixture.Respond(status, json, headers);

    private static Func<HttpContext, Task> PolicyJob(string uid, string status, string reason = "", string? failedTask = null) => Answer(200, JsonSerializer.Serialize(new
    {
        kind = "Job",
        apiVersion = "v1",
        metadata = new { uid },
        spec = new
        {
            type = "EnablePolicy",
            taskList = new[] { new { spec = new { type = "InstallGatekeeper", targetType = "cluster", target = "c-1" }, status = new { status = failedTask ?? "Running" } } },
        },
        status = new { status, reason },
    }));

    private static Func<HttpContext, Task> Pods(params (string Name, string Phase, bool Ready)[] pods) => Answer(200, JsonSerializer.Serialize(new
    {
        metadata = new { },
        items = pods.Select(p => new { metadata = new { name = p.Name }, status = new { phase = p.Phase, containerStatuses = new[] { new { name = "manager", ready = p.Ready } } } }),
    }));
}
