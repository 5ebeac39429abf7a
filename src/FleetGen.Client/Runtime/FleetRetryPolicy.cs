namespace FleetGen.Client.Runtime;

/// <summary>What may be retried of an operation, decided by the contract (HTTP method and <c>x-fleetgen-idempotent</c>).</summary>
public enum FleetRetryPolicy
{
    /// <summary>
    /// Repeating the request cannot act twice (GET, HEAD, PUT, DELETE, or an operation marked idempotent): retried on
    /// 408, 429, 502, 503 and 504, on an attempt that timed out and on a connection dropped before the answer.
    /// </summary>
    Idempotent,

    /// <summary>
    /// The request may create something (POST): retried only where the service provably did not act on it: 429, 503
    /// with <c>Retry-After</c>, and a connection refused before anything was sent.
    /// </summary>
    NotIdempotent,
}
