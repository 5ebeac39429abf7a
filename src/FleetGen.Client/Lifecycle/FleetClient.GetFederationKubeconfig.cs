using System.Runtime.ExceptionServices;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>
    /// The fleet's federation kubeconfig, its entries named after the fleet: DownloadFederationKubeconfig when the fleet
    /// has a federation connection, CreateFederationCert (which creates one) when it has none, so calling it again never
    /// creates a second endpoint: one process at a time on this machine reads, decides and creates for the same endpoint
    /// and fleet, and after a create of unknown outcome the fleet is read again for <see cref="ConnectionVisibilityWindow"/>.
    /// Refuses, sending nothing more, when federation is not Available or Connected.
    /// </summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="duration">Validity of the client certificate in days.</param>
    /// <param name="projectId">The project of the VPC endpoint; needed only when the fleet has no connection yet.</param>
    /// <param name="vpcId">The VPC of the endpoint; needed only when the fleet has no connection yet.</param>
    /// <param name="subnetId">The subnet of the endpoint; needed only when the fleet has no connection yet.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="FederationStateException">Federation is not enabled, or not Available or Connected.</exception>
    /// <exception cref="ArgumentException">The fleet has no connection and the VPC arguments are missing.</exception>
    public virtual async Task<Kubeconfig> GetFederationKubeconfigAsync(string fleetId, int duration, string? projectId = null, string? vpcId = null, string? subnetId = null, CancellationToken cancellationToken = default)
    {
        var vpcGiven = CheckArguments(fleetId, duration, projectId, vpcId, subnetId);

        using (await ConnectionCreateLock.AcquireAsync(LockDirectory, Endpoint, fleetId, Time, cancellationToken).ConfigureAwait(false))
        {
            if (await FederationKubeconfigCallOfAsync(fleetId, cancellationToken).ConfigureAwait(false) == FederationKubeconfigCall.Download)
            {
                return await Federation.DownloadFederationKubeconfigAsync(fleetId, new DownloadFederationKubeconfigRequestBody { Duration = duration }, cancellationToken).ConfigureAwait(false);
            }

            if (!vpcGiven)
            {
                throw new ArgumentException($"Fleet {SafeText.OneLine(fleetId)} has no federation connection yet: projectId, vpcId and subnetId are needed to create one.", nameof(projectId));
            }

            try
            {
                return await Federation.CreateFederationCertAsync(fleetId, new CreateFederationCertRequestBody { ProjectID = projectId, VpcID = vpcId, SubnetID = subnetId, Duration = duration }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (OutcomeUnknown(e, cancellationToken))
            {
                // The endpoint may exist now, or in a few seconds: read the fleet for the visibility window, and download
                // instead of creating again. A create is never sent twice here.
                var failure = ExceptionDispatchInfo.Capture(e);
                if (await AwaitConnectionEndpointAsync(fleetId, cancellationToken).ConfigureAwait(false) is null)
                {
                    failure.Throw();
                }

                return await Federation.DownloadFederationKubeconfigAsync(fleetId, new DownloadFederationKubeconfigRequestBody { Duration = duration }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Which call <see cref="GetFederationKubeconfigAsync"/> would make for the fleet, found by reading it
    /// (ShowClusterGroup) and nothing more: a preview that creates nothing.
    /// </summary>
    /// <exception cref="FederationStateException">Federation is not enabled, or not Available or Connected.</exception>
    public virtual Task<FederationKubeconfigCall> PlanFederationKubeconfigAsync(string fleetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        return FederationKubeconfigCallOfAsync(fleetId, cancellationToken);
    }

    /// <summary>
    /// Which call <see cref="GetFederationKubeconfigAsync"/> would make with these arguments: it checks them as that
    /// method does (before anything is sent), then reads the fleet (ShowClusterGroup) and nothing more.
    /// </summary>
    /// <exception cref="Validation.FleetValidationException">An argument breaks the contract; nothing was sent.</exception>
    /// <exception cref="FederationStateException">Federation is not enabled, or not Available or Connected.</exception>
    public virtual Task<FederationKubeconfigCall> PlanFederationKubeconfigAsync(string fleetId, int duration, string? projectId = null, string? vpcId = null, string? subnetId = null, CancellationToken cancellationToken = default)
    {
        CheckArguments(fleetId, duration, projectId, vpcId, subnetId);
        return FederationKubeconfigCallOfAsync(fleetId, cancellationToken);
    }

    /// <returns>Whether the VPC arguments were given.</returns>
    private static bool CheckArguments(string fleetId, int duration, string? projectId, string? vpcId, string? subnetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        FleetEngine.CheckBodyValues(ContractOperations.DownloadFederationKubeconfig, ("duration", duration));
        var vpcGiven = projectId is not null || vpcId is not null || subnetId is not null;
        if (vpcGiven)
        {
            FleetEngine.CheckBodyValues(ContractOperations.CreateFederationCert, ("projectID", projectId), ("vpcID", vpcId), ("subnetID", subnetId));
        }

        return vpcGiven;
    }

    private async Task<FederationKubeconfigCall> FederationKubeconfigCallOfAsync(string fleetId, CancellationToken cancellationToken)
    {
        var fleet = await Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false);
        var status = fleet.GetFederationCondition()?.Status;
        if (!fleet.IsFederationReady())
        {
            throw new FederationStateException(fleetId, status, status is null
                ? $"Fleet {fleetId} has no federation: enable it first (EnableFederation)."
                : $"The federation of fleet {fleetId} is {status}: credentials can be fetched when it is Available or Connected.");
        }

        return ConnectionEndpointOf(fleet, fleetId) is not null ? FederationKubeconfigCall.Download : FederationKubeconfigCall.CreateConnection;
    }
}
