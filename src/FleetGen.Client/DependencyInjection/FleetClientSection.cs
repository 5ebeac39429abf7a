using FleetGen.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The keys of a FleetClient configuration section, bound by the configuration binder's source generator (no
/// reflection, so it works in Native AOT); every one is optional and only a key that is present changes the options.
/// </summary>
internal sealed class FleetClientSection
{
    public const string Keys = "Endpoint, Region, Timeout, MaxRedirects, MaxResponseBodySize, AllowHttp, LockDirectory, Retry:MaxRetries, Retry:BaseDelay, Retry:MaxDelay, Retry:MaxRetryAfter, Retry:AttemptTimeout";

    public string? Endpoint { get; set; }

    public string? Region { get; set; }

    public TimeSpan? Timeout { get; set; }

    public int? MaxRedirects { get; set; }

    public long? MaxResponseBodySize { get; set; }

    public bool? AllowHttp { get; set; }

    public string? LockDirectory { get; set; }

    public RetrySection? Retry { get; set; }

    public void ApplyTo(FleetClientOptions options)
    {
        options.Timeout = Timeout ?? options.Timeout;
        options.MaxRedirects = MaxRedirects ?? options.MaxRedirects;
        options.MaxResponseBodySize = MaxResponseBodySize ?? options.MaxResponseBodySize;
        options.AllowHttp = AllowHttp ?? options.AllowHttp;
        options.LockDirectory = LockDirectory ?? options.LockDirectory;
        if (Retry is { } retry)
        {
            options.Retry.MaxRetries = retry.MaxRetries ?? options.Retry.MaxRetries;
            options.Retry.BaseDelay = retry.BaseDelay ?? options.Retry.BaseDelay;
            options.Retry.MaxDelay = retry.MaxDelay ?? options.Retry.MaxDelay;
            options.Retry.MaxRetryAfter = retry.MaxRetryAfter ?? options.Retry.MaxRetryAfter;
            options.Retry.AttemptTimeout = retry.AttemptTimeout ?? options.Retry.AttemptTimeout;
        }
    }

    /// <summary>The keys of the section's <c>Retry</c> part.</summary>
    internal sealed class RetrySection
    {
        public int? MaxRetries { get; set; }

        public TimeSpan? BaseDelay { get; set; }

        public TimeSpan? MaxDelay { get; set; }

        public TimeSpan? MaxRetryAfter { get; set; }

        public TimeSpan? AttemptTimeout { get; set; }
    }
}
