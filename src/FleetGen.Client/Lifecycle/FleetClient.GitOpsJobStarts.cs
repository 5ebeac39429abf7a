namespace FleetGen.Client;

/// <summary>Starting a GitOps job as a <see cref="GitOpsJobOperation"/>, followed through the add-on's pods.</summary>
public partial class FleetClient
{
    /// <summary>Installs the GitOps add-on on the cluster (EnableGitOps).</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="retry">Retry a failed installation (<c>retry</c> of EnableGitOps).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error.</exception>
    public virtual async Task<GitOpsJobOperation> StartEnableGitOpsAsync(string clusterId, string? retry = null, CancellationToken cancellationToken = default) =>
        new(this, clusterId, GitOpsJobKind.Enable, (await GitOps.EnableGitOpsAsync(clusterId, retry, cancellationToken).ConfigureAwait(false)).GetJobId());

    /// <summary>Uninstalls the GitOps add-on from the cluster (DisableGitOps).</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error.</exception>
    public virtual async Task<GitOpsJobOperation> StartDisableGitOpsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        new(this, clusterId, GitOpsJobKind.Disable, (await GitOps.DisableGitOpsAsync(clusterId, cancellationToken).ConfigureAwait(false)).GetJobId());
}
