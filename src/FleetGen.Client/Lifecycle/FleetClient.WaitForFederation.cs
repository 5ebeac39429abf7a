using FleetGen.Client.Models;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>
    /// Follows whichever federation job the fleet runs (each poll takes the job the service shows) until it ends, and
    /// returns the finished job; for a job of known id, rebuild its <see cref="FederationJobOperation"/> instead.
    /// See <see cref="FederationJobOperation.WaitForCompletionAsync(FederationWaitOptions, IProgress{FederationProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="options">Poll interval and timeout; defaults when <c>null</c>.</param>
    /// <param name="progress">Receives the job's progress each time it changes.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <exception cref="FederationJobFailedException">The job failed; it names the phase, the reason and the failed sub-job.</exception>
    /// <exception cref="FederationWaitTimeoutException">The job did not end within the timeout; it says where it stood.</exception>
    /// <exception cref="UcsApiException">The service answered with an error that waiting longer cannot mend.</exception>
    public virtual async Task<Job> WaitForFederationAsync(string fleetId, FederationWaitOptions? options = null, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var operation = new FederationJobOperation(this, fleetId, expected: null);
        await operation.WaitForCompletionAsync(options ?? new FederationWaitOptions(), progress, cancellationToken).ConfigureAwait(false);
        return operation.Value;
    }

    /// <summary>
    /// The status of the fleet's Federation condition, for an error message; <c>null</c> when it cannot be read, also in
    /// the time left (<paramref name="bounded"/>); a cancellation by <paramref name="cancellationToken"/> is never taken for the end of the time left.
    /// </summary>
    internal async Task<string?> FederationStatusAsync(string fleetId, CancellationToken bounded, CancellationToken cancellationToken)
    {
        try
        {
            return (await ShowClusterGroupAsync(fleetId, bounded).ConfigureAwait(false)).GetFederationCondition()?.Status;
        }
        catch (UcsApiException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
