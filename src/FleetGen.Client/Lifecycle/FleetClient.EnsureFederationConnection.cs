using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>How many times a composed call sends a create whose outcome stayed unknown before it gives up.</summary>
    private const int MaxAmbiguousCreates = 2;

    /// <summary>
    /// How long the fleet is read again after a create whose outcome is unknown before a second create is considered:
    /// the service lists a new endpoint only seconds after it made it. The reads come 1, 3, 7, 15 and 20 s after the failure.
    /// </summary>
    public static readonly TimeSpan ConnectionVisibilityWindow = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan FirstVisibilityRead = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Returns the fleet's VPC endpoint to its federation API server, creating it (CreateFederationConnection) only when
    /// the fleet has none. One process at a time on this machine reads, decides and creates for the same endpoint and
    /// fleet (<see cref="FleetClientOptions.LockDirectory"/>). After a failure that leaves unknown whether the service
    /// acted (a timeout, a dropped connection, a 5xx, an unreadable success) the fleet is read again for
    /// <see cref="ConnectionVisibilityWindow"/> before anything else, so no sequence of faults leaves two endpoints.
    /// </summary>
    /// <exception cref="Validation.FleetValidationException">A VPC argument breaks the contract; nothing was sent.</exception>
    /// <exception cref="UcsApiException">The fleet's endpoint list cannot be read; nothing was created.</exception>
    public virtual async Task<FederationConnectionResult> EnsureFederationConnectionAsync(string fleetId, string projectId, string vpcId, string subnetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        FleetEngine.CheckBodyValues(ContractOperations.CreateFederationConnection, ("projectID", projectId), ("vpcID", vpcId), ("subnetID", subnetId));
        var body = new CreateFederationConnectionRequestBody { ProjectID = projectId, VpcID = vpcId, SubnetID = subnetId };
        using (await ConnectionCreateLock.AcquireAsync(LockDirectory, Endpoint, fleetId, Time, cancellationToken).ConfigureAwait(false))
        {
            ExceptionDispatchInfo? unknownOutcome = null;
            for (var creates = 0; ; creates++)
            {
                var existing = unknownOutcome is null
                    ? ConnectionEndpointOf(await Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false), fleetId)
                    : await AwaitConnectionEndpointAsync(fleetId, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return new FederationConnectionResult(existing.Id!, existing, Created: unknownOutcome is not null);
                }

                if (creates == MaxAmbiguousCreates)
                {
                    unknownOutcome!.Throw();
                }

                try
                {
                    var created = await Federation.CreateFederationConnectionAsync(fleetId, body, cancellationToken).ConfigureAwait(false);
                    return new FederationConnectionResult(created.Id ?? string.Empty, null, Created: true);
                }
                catch (Exception e) when (OutcomeUnknown(e, cancellationToken))
                {
                    unknownOutcome = ExceptionDispatchInfo.Capture(e);
                }
            }
        }
    }

    /// <summary>Whether a failed create may still have acted: anything but an error answer that proves it did not, a refused connection or a cancellation.</summary>
    internal static bool OutcomeUnknown(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        TimeoutException => true,
        UcsApiException api => api.StatusCode >= 500 || api.StatusCode is >= 200 and < 300,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError, InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => false,
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>The fleet's first VPC endpoint; <c>null</c> when it has none, refused when its federation says Connected and no endpoint is listed.</summary>
    private static ConnectGatewayEndpoint? ConnectionEndpointOf(ClusterGroup fleet, string fleetId)
    {
        if (fleet.GetConnectionEndpoints() is [var existing, ..])
        {
            return existing;
        }

        return fleet.GetFederationCondition()?.Status == FederationStatus.Connected
            ? throw UcsApiException.UnusableAnswer(200, $"the federation of fleet {fleetId} is Connected and no VPC endpoint is listed; another one is not created on such an answer", requestId: null)
            : null;
    }

    /// <summary>After a create of unknown outcome: the fleet read again with growing pauses until an endpoint shows or <see cref="ConnectionVisibilityWindow"/> has passed.</summary>
    private async Task<ConnectGatewayEndpoint?> AwaitConnectionEndpointAsync(string fleetId, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var pause = FirstVisibilityRead; ; pause *= 2)
        {
            var next = pause < ConnectionVisibilityWindow - waited ? pause : ConnectionVisibilityWindow - waited;
            await Task.Delay(next, Time, cancellationToken).ConfigureAwait(false);
            waited += next;
            var endpoint = ConnectionEndpointOf(await Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false), fleetId);
            if (endpoint is not null || waited >= ConnectionVisibilityWindow)
            {
                return endpoint;
            }
        }
    }
}
