namespace FleetGen.Client;

/// <summary>A federation job did not end within the wait's timeout; the job goes on at the service.</summary>
public sealed class FederationWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public FederationWaitTimeoutException(string fleetId, TimeSpan timeout, FederationProgress? lastProgress, string message)
        : base(SafeText.OneLine(message))
    {
        FleetId = fleetId;
        Timeout = timeout;
        LastProgress = lastProgress;
    }

    /// <summary>The fleet.</summary>
    public string FleetId { get; }

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Where the job stood at the last poll; <c>null</c> when no job of the expected kind was seen.</summary>
    public FederationProgress? LastProgress { get; }
}
