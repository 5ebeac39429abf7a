namespace FleetGen.Client;

/// <summary>
/// The fleet's federation is not in a state for what was asked (e.g. credentials while it is still Creating), as the
/// service reported it; nothing was changed. <see cref="UcsApiException.StatusCode"/>, <see cref="UcsApiException.ErrorCode"/>
/// and <see cref="UcsApiException.RequestId"/> are those of the error answer the state was found from (e.g. 400
/// UCS.01080006), else the status of the read that showed the state (200).
/// </summary>
public sealed class FederationStateException : UcsApiException
{
    /// <summary>Creates the exception for a state the fleet showed in a successful read.</summary>
    public FederationStateException(string fleetId, string? federationStatus, string message)
        : base(message, 200, null, null, null, null)
    {
        FleetId = fleetId;
        FederationStatus = federationStatus;
    }

    /// <summary>Creates the exception for a state found from the error answer <paramref name="cause"/>, whose status, code and request id it keeps.</summary>
    public FederationStateException(string fleetId, string? federationStatus, string message, UcsApiException cause)
        : base(message, (cause ?? throw new ArgumentNullException(nameof(cause))).StatusCode, cause.ErrorCode, cause.ErrorMessage, cause.RequestId, cause)
    {
        FleetId = fleetId;
        FederationStatus = federationStatus;
    }

    /// <summary>The fleet.</summary>
    public string FleetId { get; }

    /// <summary>The status of the fleet's Federation condition; <c>null</c> when federation is not enabled.</summary>
    public string? FederationStatus { get; }
}
