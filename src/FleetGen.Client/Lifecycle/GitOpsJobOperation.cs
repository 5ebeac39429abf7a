using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// Enabling or disabling GitOps on a cluster, followed as a long-running operation as the contract's <c>GitOpsJob</c>
/// says: no operation reads a GitOps job, so each poll reads the add-on's pods (ShowGitOpsStatus). An enable is done
/// when there are pods and every one is Running with every container ready, and has failed when a pod is Failed
/// (<see cref="GitOpsJobFailedException"/>); a disable is done when no pod is left. These rules are FleetGen's reading
/// of a pod list: UCS documents none. Returned by <see cref="FleetClient.StartEnableGitOpsAsync"/> and
/// <see cref="FleetClient.StartDisableGitOpsAsync"/>, or rebuilt from the cluster and the kind.
/// </summary>
public class GitOpsJobOperation : JobOperation<PodList>
{
    /// <summary>Follows the GitOps job of kind <paramref name="kind"/> on cluster <paramref name="clusterId"/>, e.g. one started in another process; nothing is sent until it is polled.</summary>
    /// <param name="client">The client whose calls poll the pods.</param>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="kind">Whether the job enables or disables GitOps.</param>
    /// <param name="jobId">The job id the start call answered, kept for support requests; the polls do not need it.</param>
    public GitOpsJobOperation(FleetClient client, string clusterId, GitOpsJobKind kind, string? jobId = null)
        : base(client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "GitOpsJobKind: must be Enable or Disable.");
        }

        ClusterId = clusterId;
        Kind = kind;
        JobId = string.IsNullOrWhiteSpace(jobId) ? null : jobId;
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected GitOpsJobOperation()
    {
        ClusterId = string.Empty;
    }

    /// <summary>The cluster.</summary>
    public virtual string ClusterId { get; }

    /// <summary>Whether the job enables or disables GitOps.</summary>
    public virtual GitOpsJobKind Kind { get; }

    /// <inheritdoc />
    public override string? JobId { get; }

    /// <inheritdoc />
    protected override string Name => $"The GitOps {(Kind == GitOpsJobKind.Enable ? "installation on" : "removal from")} cluster {ClusterId}{(JobId is null ? string.Empty : $" (job {JobId})")}";

    /// <inheritdoc />
    protected override Task<PodList> ReadAsync(CancellationToken cancellationToken) => Client.GitOps.ShowGitOpsStatusAsync(ClusterId, cancellationToken);

    /// <inheritdoc />
    protected override bool HasSucceeded(PodList read)
    {
        var pods = read.Items ?? [];
        return Kind == GitOpsJobKind.Disable
            ? pods.Count == 0
            : pods.Count > 0 && pods.All(IsUp);
    }

    /// <inheritdoc />
    protected override UcsApiException? Failure(PodList read) =>
        Kind == GitOpsJobKind.Enable && read.Items?.FirstOrDefault(p => Is(p.Status?.Phase, "Failed")) is { } pod ? new GitOpsJobFailedException(ClusterId, JobId, pod) : null;

    /// <inheritdoc />
    protected override string Describe(PodList read)
    {
        var pods = read.Items ?? [];
        return $"{pods.Count(IsUp)} of {pods.Count} GitOps pods running and ready";
    }

    /// <summary>Whether a pod is Running with every container ready.</summary>
    private static bool IsUp(Pod pod) => Is(pod.Status?.Phase, "Running") && (pod.Status?.ContainerStatuses ?? []).All(c => c.Ready == true);

    private static bool Is(string? phase, string value) => string.Equals(phase, value, StringComparison.OrdinalIgnoreCase);
}
