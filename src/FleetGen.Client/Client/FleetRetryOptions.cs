namespace FleetGen.Client;

/// <summary>
/// When a failed call is sent again. What may be retried is the operation's, from the contract: a request that cannot
/// act twice (GET, HEAD, PUT, DELETE, or marked <c>x-fleetgen-idempotent</c>) is retried on 408, 429, 502, 503, 504, an
/// attempt that took longer than <see cref="AttemptTimeout"/> and a dropped connection; a POST only where the service
/// provably did not act (429, 503 with <c>Retry-After</c>, a refused connection).
/// </summary>
public sealed class FleetRetryOptions
{
    /// <summary>The most retries <see cref="MaxRetries"/> may ask for: 10.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>Retries after the first attempt, from 0 (retries off) to <see cref="MaxRetriesLimit"/> (10). Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first backoff when the service gave no <c>Retry-After</c>; it doubles per retry, plus jitter. At most
    /// <see cref="FleetClientOptions.MaxCallDuration"/> (1 hour). Default: 1 s.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff; at most <see cref="FleetClientOptions.MaxCallDuration"/> (1 hour). Default: 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured; a longer one ends the retries at once with the error. At most
    /// <see cref="FleetClientOptions.MaxCallDuration"/> (1 hour). Default: 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt of a request that may be repeated can take before it is given up and sent again: at most
    /// <see cref="FleetClientOptions.MaxCallDuration"/> (1 hour), or <see cref="Timeout.InfiniteTimeSpan"/> for no limit. Default: 30 s.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Problems()
    {
        var max = FleetClientOptions.MaxCallDuration;
        if ((AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > max) && AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return $"Retry.AttemptTimeout: {AttemptTimeout} must be positive and at most {max} (FleetClientOptions.MaxCallDuration), or Timeout.InfiniteTimeSpan for no limit";
        }

        if (MaxRetries < 0)
        {
            yield return $"Retry.MaxRetries: {MaxRetries} must be 0 or more";
        }
        else if (MaxRetries > MaxRetriesLimit)
        {
            yield return $"Retry.MaxRetries: {MaxRetries} must be at most {MaxRetriesLimit} (FleetRetryOptions.MaxRetriesLimit)";
        }

        foreach (var (name, delay) in new[] { (nameof(BaseDelay), BaseDelay), (nameof(MaxDelay), MaxDelay), (nameof(MaxRetryAfter), MaxRetryAfter) })
        {
            if (delay < TimeSpan.Zero || delay > max)
            {
                yield return $"Retry.{name}: {delay} must be 0 or more and at most {max} (FleetClientOptions.MaxCallDuration)";
            }
        }
    }

    internal FleetRetryOptions Copy() => (FleetRetryOptions)MemberwiseClone();
}
