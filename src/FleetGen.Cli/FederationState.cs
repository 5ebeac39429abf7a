using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>
/// UCS answers "not federated" (UCS.01080006) also while federation is still being created: before the CLI tells
/// the user to enable it, it reads the fleet, and a fleet whose federation exists in some state is named in that state.
/// </summary>
internal static class FederationState
{
    public static async Task<T> WhileFederatedAsync<T>(FleetClient client, string fleetId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (UcsApiException e) when (e is not FederationStateException && e.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
        {
            string? status;
            try
            {
                status = (await client.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false)).GetFederationCondition()?.Status;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                status = null;
            }

            if (status is null)
            {
                throw;
            }

            throw new FederationStateException(fleetId, status, status == FederationStatus.Creating
                ? $"The federation of fleet {fleetId} is being created (Creating): wait for it to be Available, then run this again."
                : $"The federation of fleet {fleetId} is {status}: not in a state for this; wait for its job to end.", e);
        }
    }
}
