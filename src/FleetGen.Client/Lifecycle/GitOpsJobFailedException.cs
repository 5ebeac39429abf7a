using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// Enabling GitOps failed: a pod of the add-on is Failed. <see cref="UcsApiException.StatusCode"/> is that of the
/// answer that showed the pod (200): the installation failed, not the call.
/// </summary>
public sealed class GitOpsJobFailedException : UcsApiException
{
    /// <summary>Creates the exception, e.g. to stand for a failed installation in a consumer's own tests.</summary>
    public GitOpsJobFailedException(string clusterId, string? jobId, Pod pod)
        : base($"The GitOps installation on cluster {clusterId}{(jobId is null ? string.Empty : $" (job {jobId})")} failed: pod {pod?.Metadata?.Name ?? "(unnamed)"} is {pod?.Status?.Phase}", 200, null, null, null, null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ClusterId = clusterId;
        JobId = jobId;
        Pod = pod;
    }

    /// <summary>The cluster.</summary>
    public string ClusterId { get; }

    /// <summary>The job id the start call answered, when it is known.</summary>
    public string? JobId { get; }

    /// <summary>The failed pod, as last read.</summary>
    public Pod Pod { get; }
}
