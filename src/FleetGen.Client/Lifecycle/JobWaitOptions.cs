using System.Globalization;

namespace FleetGen.Client;

/// <summary>How a wait follows a policy or GitOps job (<see cref="JobOperation{T}.WaitForCompletionAsync(JobWaitOptions, CancellationToken)"/>).</summary>
public sealed class JobWaitOptions
{
    /// <summary>The longest <see cref="Timeout"/>: 24 hours. A job still running after a day needs a person, not a longer wait.</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromHours(24);

    /// <summary>The longest <see cref="PollInterval"/>: 1 hour.</summary>
    public static TimeSpan MaxPollInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>The time between two polls of the job, at most <see cref="MaxPollInterval"/> (1 hour); a longer <c>Retry-After</c> is honoured. Default: 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the whole wait may take, the poll in flight included, before <see cref="JobWaitTimeoutException"/>;
    /// at most <see cref="MaxTimeout"/> (24 hours). Default: 30 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Throws when an option is out of range, naming it and the rule, before anything is sent.</summary>
    internal void Check() => Check(PollInterval, Timeout, nameof(JobWaitOptions));

    /// <summary>The bounds of every wait's options; <paramref name="owner"/> names the options class in the message.</summary>
    internal static void Check(TimeSpan pollInterval, TimeSpan timeout, string owner)
    {
        if (pollInterval <= TimeSpan.Zero || pollInterval > MaxPollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), pollInterval, string.Create(CultureInfo.InvariantCulture, $"{owner}.PollInterval: must be positive and at most {MaxPollInterval.TotalHours:0} h ({owner}.MaxPollInterval)."));
        }

        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, string.Create(CultureInfo.InvariantCulture, $"{owner}.Timeout: must be positive and at most {MaxTimeout.TotalHours:0} h ({owner}.MaxTimeout)."));
        }
    }
}
