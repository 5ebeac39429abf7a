using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// A policy job ended in failure (<c>status.status</c> Failed or TimedOut), as the service reported it, with the
/// reason and the task that failed. <see cref="UcsApiException.StatusCode"/> is that of the answer that showed the
/// failed job (200): the job failed, not the call.
/// </summary>
public sealed class PolicyJobFailedException : UcsApiException
{
    /// <summary>Creates the exception, e.g. to stand for a failed job in a consumer's own tests.</summary>
    public PolicyJobFailedException(string jobId, UcsJob job)
        : base(Describe(jobId, job), 200, null, null, null, null)
    {
        ArgumentNullException.ThrowIfNull(job);
        JobId = jobId;
        Job = job;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>The job as last read.</summary>
    public UcsJob Job { get; }

    /// <summary>The job's status, as sent (Failed or TimedOut).</summary>
    public string? Status => Job.Status?.Status;

    /// <summary>Why it failed: the job's reason, else the failed task's.</summary>
    public string? Reason => NonEmpty(Job.Status?.Reason) ?? NonEmpty(FailedTaskOf(Job)?.Status?.Reason);

    /// <summary>The type and target of the first task that failed, e.g. <c>InstallGatekeeper on cluster 6b7f…</c>; <c>null</c> when no task shows a failure.</summary>
    public string? FailedTask => FailedTaskOf(Job) is { } task ? TaskText(task) : null;

    private static UcsTask? FailedTaskOf(UcsJob job) =>
        job.Spec?.TaskList?.FirstOrDefault(t => t.Status?.Status is { } status
            && (status.Equals(PolicyJobStatus.Failed, StringComparison.OrdinalIgnoreCase) || status.Equals(PolicyJobStatus.TimedOut, StringComparison.OrdinalIgnoreCase)));

    private static string TaskText(UcsTask task) => $"{task.Spec?.Type ?? "task"} on {task.Spec?.TargetType ?? "target"} {task.Spec?.Target}".TrimEnd();

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Describe(string jobId, UcsJob job)
    {
        var task = FailedTaskOf(job);
        var reason = NonEmpty(job.Status?.Reason) ?? NonEmpty(task?.Status?.Reason) ?? "no reason given";
        return $"The {job.Spec?.Type ?? "policy"} job {jobId} ended {job.Status?.Status ?? "in failure"}"
            + (task is null ? string.Empty : $" (task {TaskText(task)})")
            + $": {reason}";
    }
}
