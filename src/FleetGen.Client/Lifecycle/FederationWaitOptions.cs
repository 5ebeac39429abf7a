using System.Globalization;

namespace FleetGen.Client;

/// <summary>How a wait follows a federation job (<see cref="FederationJobOperation.WaitForCompletionAsync(FederationWaitOptions, IProgress{FederationProgress}?, CancellationToken)"/>, <see cref="FleetClient.WaitForFederationAsync"/>).</summary>
public sealed class FederationWaitOptions
{
    /// <summary>The longest <see cref="Timeout"/>: 24 hours. A federation job takes minutes; one still running after a day needs a person, not a longer wait.</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromHours(24);

    /// <summary>The longest <see cref="PollInterval"/>: 1 hour.</summary>
    public static TimeSpan MaxPollInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>The time between two polls of the job, at most <see cref="MaxPollInterval"/> (1 hour); a longer <c>Retry-After</c> is honoured. Default: 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the whole wait may take, the poll in flight included, before <see cref="FederationWaitTimeoutException"/>;
    /// at most <see cref="MaxTimeout"/> (24 hours). Default: 30 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when an option is out of range, naming it and the rule, before anything is sent.</summary>
    internal void Check()
    {
        if (PollInterval <= TimeSpan.Zero || PollInterval > MaxPollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, string.Create(CultureInfo.InvariantCulture, $"FederationWaitOptions.PollInterval: must be positive and at most {MaxPollInterval.TotalHours:0} h (FederationWaitOptions.MaxPollInterval)."));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, string.Create(CultureInfo.InvariantCulture, $"FederationWaitOptions.Timeout: must be positive and at most {MaxTimeout.TotalHours:0} h (FederationWaitOptions.MaxTimeout)."));
        }
    }
}
