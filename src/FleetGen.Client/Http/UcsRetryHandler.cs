using System.Net;
using System.Net.Sockets;

namespace FleetGen.Client.Http;

/// <summary>
/// Retries only where the server provably did not act on the request, because the create call is not idempotent:
/// 429, 503 with <c>Retry-After</c>, and a connection refused before anything was sent. Never a timeout, a 504 or a
/// connection dropped after sending. Waits for <c>Retry-After</c> when it is within the cap (else gives up at once),
/// otherwise for an exponential backoff with jitter. The body is buffered once and sent again byte for byte; the
/// handlers inside (redirects, signing) run again for every attempt.
/// </summary>
internal sealed class UcsRetryHandler(FleetRetryOptions options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Where(h => !CredentialHeaders.Contains(h.Key)).ToList();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentHeaders = request.Content?.Headers.ToList() ?? [];
        if (body is not null)
        {
            request.Content = Content(body, contentHeaders);
        }

        for (var attempt = 0; ; attempt++)
        {
            var message = attempt == 0 ? request : Copy(request, headers, body, contentHeaders);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < options.MaxRetries && IsConnectionRefused(e))
            {
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (attempt >= options.MaxRetries || RetryDelay(response, attempt) is not { } delay)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = RetryAfter(response);
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

    internal TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay * Math.Pow(2, attempt);
        var jitter = options.BaseDelay * Random.Shared.NextDouble();
        var wait = exponential + jitter;
        return wait < options.MaxDelay ? wait : options.MaxDelay;
    }

    private static bool IsConnectionRefused(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static HttpRequestMessage Copy(HttpRequestMessage original, List<KeyValuePair<string, IEnumerable<string>>> headers, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>> contentHeaders)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var (name, values) in headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var option in original.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (body is not null)
        {
            copy.Content = Content(body, contentHeaders);
        }

        return copy;
    }

    private static ByteArrayContent Content(byte[] body, List<KeyValuePair<string, IEnumerable<string>>> contentHeaders)
    {
        var content = new ByteArrayContent(body);
        foreach (var (name, values) in contentHeaders)
        {
            content.Headers.TryAddWithoutValidation(name, values);
        }

        return content;
    }
}
