namespace FleetGen.Client;

/// <summary>
/// When a failed call is sent again. Only answers that prove the service did not act are retried (429, 503 with
/// <c>Retry-After</c>, a refused connection); the create call is not idempotent.
/// </summary>
public sealed class FleetRetryOptions
{
    /// <summary>Retries after the first attempt; 0 switches retries off. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff when the service gave no <c>Retry-After</c>; it doubles per retry, plus jitter. Default: 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff. Default: 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one ends the retries at once with the error. Default: 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    internal IEnumerable<string> Problems()
    {
        if (MaxRetries < 0)
        {
            yield return $"Retry.MaxRetries: {MaxRetries} must be 0 or more";
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return "Retry: delays must not be negative";
        }
    }

    internal FleetRetryOptions Copy() => (FleetRetryOptions)MemberwiseClone();
}
