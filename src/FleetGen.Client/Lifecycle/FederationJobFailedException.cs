using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// A federation job ended in failure, as the service reported it: its phase and reason, and the sub-job that failed.
/// <see cref="UcsApiException.StatusCode"/> is that of the answer that showed the failed job (200): the job failed,
/// not the call.
/// </summary>
public sealed class FederationJobFailedException : UcsApiException
{
    /// <summary>Creates the exception, e.g. to stand for a failed job in a consumer's own tests.</summary>
    public FederationJobFailedException(string fleetId, Job job, string? federationStatus = null)
        : base(Describe(fleetId, job, federationStatus), 200, null, null, null, null)
    {
        ArgumentNullException.ThrowIfNull(job);
        FleetId = fleetId;
        Job = job;
        FederationStatus = federationStatus;
    }

    /// <summary>The fleet.</summary>
    public string FleetId { get; }

    /// <summary>The job as last read.</summary>
    public Job Job { get; }

    /// <summary>The job's type.</summary>
    public string? JobType => Job.Spec?.Type;

    /// <summary>The job's phase, as sent.</summary>
    public string? Phase => Job.Status?.Phase;

    /// <summary>Why it failed: the failed sub-job's reason, else the job's.</summary>
    public string? Reason => NonEmpty(Job.FailedSubJob()?.Status?.Reason) ?? NonEmpty(Job.Status?.Reason);

    /// <summary>The type of the sub-job that failed, when one did.</summary>
    public string? FailedSubJob => Job.FailedSubJob()?.Spec?.Type;

    /// <summary>The status of the fleet's Federation condition after the failure (e.g. <c>CreateFailed</c>), when it was read.</summary>
    public string? FederationStatus { get; }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Describe(string fleetId, Job job, string? federationStatus)
    {
        var failed = job.FailedSubJob();
        var reason = NonEmpty(failed?.Status?.Reason) ?? NonEmpty(job.Status?.Reason) ?? "no reason given";
        return $"The {job.Spec?.Type ?? "federation"} job of fleet {fleetId} failed (phase {job.Status?.Phase ?? "unknown"}"
            + (failed is null ? string.Empty : $", sub-job {failed.Spec?.Type}")
            + (federationStatus is null ? string.Empty : $", federation {federationStatus}")
            + $"): {reason}";
    }
}
