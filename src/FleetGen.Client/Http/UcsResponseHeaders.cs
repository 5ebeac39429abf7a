namespace FleetGen.Client.Http;

/// <summary>The response headers FleetGen reads: the request id and how long to wait before retrying.</summary>
internal static class UcsResponseHeaders
{
    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;

    /// <summary><c>Retry-After</c> as a wait from now (a date in the past is no wait); <c>null</c> when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
