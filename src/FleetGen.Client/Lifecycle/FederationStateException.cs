namespace FleetGen.Client;

/// <summary>The fleet's federation is not in a state for what was asked (e.g. credentials while it is still Creating); nothing was changed.</summary>
public sealed class FederationStateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FederationStateException(string fleetId, string? federationStatus, string message)
        : base(SafeText.OneLine(message))
    {
        FleetId = fleetId;
        FederationStatus = federationStatus;
    }

    /// <summary>The fleet.</summary>
    public string FleetId { get; }

    /// <summary>The status of the fleet's Federation condition; <c>null</c> when federation is not enabled.</summary>
    public string? FederationStatus { get; }
}
