using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using FleetGen.Client.Models;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>How many times a composed call sends a create whose outcome stayed unknown before it gives up.</summary>
    private const int MaxAmbiguousCreates = 2;

    /// <summary>
    /// Returns the fleet's VPC endpoint to its federation API server, creating it (CreateFederationConnection) only when
    /// the fleet has none. After a failure that leaves unknown whether the service acted (a timeout, a dropped connection,
    /// a 5xx, an unreadable success) the fleet is read again before anything else, so no sequence of faults leaves two
    /// endpoints.
    /// </summary>
    /// <exception cref="Validation.FleetValidationException">A VPC argument breaks the contract; nothing was sent.</exception>
    public virtual async Task<FederationConnectionResult> EnsureFederationConnectionAsync(string fleetId, string projectId, string vpcId, string subnetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        FleetEngine.CheckBodyValues(ContractOperations.CreateFederationConnection, ("projectID", projectId), ("vpcID", vpcId), ("subnetID", subnetId));
        var body = new CreateFederationConnectionRequestBody { ProjectID = projectId, VpcID = vpcId, SubnetID = subnetId };
        ExceptionDispatchInfo? unknownOutcome = null;
        for (var creates = 0; ; creates++)
        {
            var fleet = await ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false);
            if (fleet.GetConnectionEndpoints() is [var existing, ..])
            {
                return new FederationConnectionResult(existing.Id!, existing, Created: unknownOutcome is not null);
            }

            if (creates == MaxAmbiguousCreates)
            {
                unknownOutcome!.Throw();
            }

            try
            {
                var created = await CreateFederationConnectionAsync(fleetId, body, cancellationToken).ConfigureAwait(false);
                return new FederationConnectionResult(created.Id ?? string.Empty, null, Created: true);
            }
            catch (Exception e) when (OutcomeUnknown(e, cancellationToken))
            {
                unknownOutcome = ExceptionDispatchInfo.Capture(e);
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
}
