using FleetGen.Client.Models;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>Enables federation for the fleet and waits for the CreateFederation job to end (see <see cref="WaitForFederationAsync"/>).</summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="wait">Poll interval and timeout of the wait.</param>
    /// <param name="progress">Receives the job's progress each time it changes.</param>
    /// <param name="retryJoinAll">Whether to retry joining every member cluster.</param>
    /// <param name="cancellationToken">Cancels the call or the wait.</param>
    /// <returns>The finished job.</returns>
    public virtual async Task<Job> EnableFederationAsync(string fleetId, FederationWaitOptions wait, IProgress<FederationProgress>? progress = null, bool? retryJoinAll = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wait);
        wait.Check();
        var previous = await CurrentJobAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var sent = Time.GetUtcNow();
        await Federation.EnableFederationAsync(fleetId, retryJoinAll, cancellationToken).ConfigureAwait(false);
        return await WaitForJobAsync(fleetId, wait, progress, new ExpectedJob(FederationJobType.CreateFederation, null, previous, sent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disables federation for the fleet and waits for the DeleteFederation job to end.</summary>
    /// <returns>The finished job; <c>null</c> when the service no longer shows a job once the federation is gone.</returns>
    public virtual async Task<Job?> DisableFederationAsync(string fleetId, FederationWaitOptions wait, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wait);
        wait.Check();
        var previous = await CurrentJobAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var sent = Time.GetUtcNow();
        await Federation.DisableFederationAsync(fleetId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await WaitForJobAsync(fleetId, wait, progress, new ExpectedJob(FederationJobType.DeleteFederation, null, previous, sent), cancellationToken).ConfigureAwait(false);
        }
        catch (UcsApiException e) when (e.ErrorCode is UcsErrorCodes.ClusterGroupNotFederated or UcsErrorCodes.ResourceNotFound)
        {
            return null;
        }
    }

    /// <summary>Upgrades the fleet's federation (to <paramref name="targetVersion"/>, else the latest) and waits for the UpgradeFederation job to end.</summary>
    public virtual async Task<Job> UpgradeFederationAsync(string fleetId, string? targetVersion, FederationWaitOptions wait, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wait);
        wait.Check();
        var previous = await CurrentJobAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var sent = Time.GetUtcNow();
        var started = await Federation.UpgradeFederationAsync(fleetId, new UpgradeFederationRequestBody { TargetVersion = targetVersion }, cancellationToken).ConfigureAwait(false);
        return await WaitForJobAsync(fleetId, wait, progress, new ExpectedJob(FederationJobType.UpgradeFederation, started.JobId, previous, sent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls the fleet's federation back to the version before the last upgrade and waits for the RollbackFederation job to end.</summary>
    public virtual async Task<Job> RollbackFederationAsync(string fleetId, FederationWaitOptions wait, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wait);
        wait.Check();
        var previous = await CurrentJobAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var sent = Time.GetUtcNow();
        var started = await Federation.RollbackFederationAsync(fleetId, cancellationToken).ConfigureAwait(false);
        return await WaitForJobAsync(fleetId, wait, progress, new ExpectedJob(FederationJobType.RollbackFederation, started?.JobId, previous, sent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fleet's current job, so that a wait never mistakes it for the job it starts; <c>null</c> when there is none.</summary>
    private async Task<Job?> CurrentJobAsync(string fleetId, CancellationToken cancellationToken)
    {
        try
        {
            return await Federation.ShowFederationProgressAsync(fleetId, cancellationToken).ConfigureAwait(false);
        }
        catch (UcsApiException e) when (e.StatusCode == 404 || e.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
        {
            return null;
        }
    }
}
