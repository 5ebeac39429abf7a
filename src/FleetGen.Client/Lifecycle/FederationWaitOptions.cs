namespace FleetGen.Client;

/// <summary>How <see cref="FleetClient.WaitForFederationAsync"/> follows a federation job.</summary>
public sealed class FederationWaitOptions
{
    /// <summary>The time between two polls of the job; a longer <c>Retry-After</c> is honoured. Default: 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the job to end before <see cref="TimeoutException"/>. Default: 30 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when an option is out of range, naming it, before anything is sent.</summary>
    internal void Check()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "FederationWaitOptions.PollInterval: must be positive.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "FederationWaitOptions.Timeout: must be positive.");
        }
    }
}
