namespace FleetGen.Client;

/// <summary>How a wait follows a federation job (<see cref="FederationJobOperation.WaitForCompletionAsync(FederationWaitOptions, IProgress{FederationProgress}?, CancellationToken)"/>, <see cref="FleetClient.WaitForFederationAsync"/>).</summary>
public sealed class FederationWaitOptions
{
    /// <summary>The longest <see cref="Timeout"/>: 24 hours. A federation job takes minutes; one still running after a day needs a person, not a longer wait.</summary>
    public static TimeSpan MaxTimeout => JobWaitOptions.MaxTimeout;

    /// <summary>The longest <see cref="PollInterval"/>: 1 hour.</summary>
    public static TimeSpan MaxPollInterval => JobWaitOptions.MaxPollInterval;

    /// <summary>The time between two polls of the job, at most <see cref="MaxPollInterval"/> (1 hour); a longer <c>Retry-After</c> is honoured. Default: 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the whole wait may take, the poll in flight included, before <see cref="FederationWaitTimeoutException"/>;
    /// at most <see cref="MaxTimeout"/> (24 hours). Default: 30 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when an option is out of range, naming it and the rule, before anything is sent.</summary>
    internal void Check() => JobWaitOptions.Check(PollInterval, Timeout, nameof(FederationWaitOptions));
}
