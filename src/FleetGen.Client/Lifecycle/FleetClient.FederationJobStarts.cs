using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// Starting a federation job as a <see cref="FederationJobOperation"/>. Each start first reads the fleet's current job
/// (ShowFederationProgress), so that the operation never takes that job for the one it starts.
/// </summary>
public partial class FleetClient
{
    /// <summary>Enables federation for the fleet: starts its CreateFederation job.</summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="retryJoinAll">Whether to retry joining every member cluster.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    public virtual Task<FederationJobOperation> StartEnableFederationAsync(string fleetId, bool? retryJoinAll = null, CancellationToken cancellationToken = default) =>
        StartJobAsync(fleetId, FederationJobType.CreateFederation, async () =>
        {
            await EnableFederationAsync(fleetId, retryJoinAll, cancellationToken).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>Disables federation for the fleet: starts its DeleteFederation job. Once it succeeds the service may show no job at all (<see cref="FederationJobOperation.HasValue"/> is then <c>false</c>).</summary>
    /// <inheritdoc cref="StartEnableFederationAsync"/>
    public virtual Task<FederationJobOperation> StartDisableFederationAsync(string fleetId, CancellationToken cancellationToken = default) =>
        StartJobAsync(fleetId, FederationJobType.DeleteFederation, async () =>
        {
            await DisableFederationAsync(fleetId, cancellationToken).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>Upgrades the fleet's federation to <paramref name="targetVersion"/>, else to the latest version: starts its UpgradeFederation job.</summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="targetVersion">The federation version to upgrade to; <c>null</c> for the latest.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    public virtual Task<FederationJobOperation> StartUpgradeFederationAsync(string fleetId, string? targetVersion = null, CancellationToken cancellationToken = default) =>
        StartJobAsync(fleetId, FederationJobType.UpgradeFederation, async () =>
            (await UpgradeFederationAsync(fleetId, new UpgradeFederationRequestBody { TargetVersion = targetVersion }, cancellationToken).ConfigureAwait(false)).JobId,
            cancellationToken);

    /// <summary>Rolls the fleet's federation back to the version before its last upgrade: starts its RollbackFederation job.</summary>
    /// <inheritdoc cref="StartEnableFederationAsync"/>
    public virtual Task<FederationJobOperation> StartRollbackFederationAsync(string fleetId, CancellationToken cancellationToken = default) =>
        StartJobAsync(fleetId, FederationJobType.RollbackFederation, async () =>
            (await RollbackFederationAsync(fleetId, cancellationToken).ConfigureAwait(false))?.JobId,
            cancellationToken);

    /// <summary>Reads the current job, then runs <paramref name="start"/>, which sends the start call and returns the job id when the answer carries one.</summary>
    private async Task<FederationJobOperation> StartJobAsync(string fleetId, string jobType, Func<Task<string?>> start, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        var previous = await CurrentJobAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var sent = Time.GetUtcNow();
        var jobId = await start().ConfigureAwait(false);
        return new FederationJobOperation(this, fleetId, new ExpectedJob(jobType, string.IsNullOrEmpty(jobId) ? null : jobId, previous, sent));
    }

    /// <summary>The fleet's current job, so that an operation never mistakes it for the job it starts; <c>null</c> when there is none.</summary>
    private async Task<Job?> CurrentJobAsync(string fleetId, CancellationToken cancellationToken)
    {
        try
        {
            return await ShowFederationProgressAsync(fleetId, cancellationToken).ConfigureAwait(false);
        }
        catch (UcsApiException e) when (e.StatusCode == 404 || e.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
        {
            return null;
        }
    }
}
