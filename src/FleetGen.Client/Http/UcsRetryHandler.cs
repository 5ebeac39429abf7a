using System.Net;
using System.Net.Sockets;

namespace FleetGen.Client.Http;

/// <summary>
/// Retries only where the server provably did not act on the request, because the create call is not idempotent:
/// 429, 503 with <c>Retry-After</c>, and a connection refused before anything was sent. Never a timeout, a 504 or a
/// connection dropped after sending. Waits for <c>Retry-After</c> when it is within the cap (else gives up at once),
/// otherwise for an exponential backoff with jitter. The same message is sent again: its content has a known length
/// (Kiota's is a seekable stream), so it is replayed byte for byte, and the handlers inside (redirects, signing) run
/// again for every attempt. A message whose content cannot be replayed is not retried.
/// </summary>
internal sealed class UcsRetryHandler(FleetRetryOptions options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < options.MaxRetries && IsConnectionRefused(e) && CanReplay(request))
            {
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (attempt >= options.MaxRetries || response.IsSuccessStatusCode || RetryDelay(response, attempt) is not { } delay || !CanReplay(request))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool CanReplay(HttpRequestMessage request) => request.Content is null || request.Content.Headers.ContentLength is not null;

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = UcsResponseHeaders.RetryAfter(response, time);
        var retriable = response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter is not null);
        if (!retriable)
        {
            return null;
        }

        return retryAfter switch
        {
            null => Backoff(attempt),
            { } wait when wait <= options.MaxRetryAfter => wait,
            _ => null,
        };
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay * Math.Pow(2, attempt);
        var jitter = options.BaseDelay * Random.Shared.NextDouble();
        var wait = exponential + jitter;
        return wait < options.MaxDelay ? wait : options.MaxDelay;
    }

    private static bool IsConnectionRefused(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
