using System.Net;
using System.Net.Sockets;
using System.Diagnostics;
using System.Globalization;
using FleetGen.Client.Runtime;
using FleetGen.Client.Telemetry;

namespace FleetGen.Client.Http;

/// <summary>
/// Retries what the request's operation allows (<see cref="FleetRetryPolicy"/>, from the contract; by HTTP method on
/// the fluent path). Waits for <c>Retry-After</c> when it is within the cap (else gives up at once), otherwise for an
/// exponential backoff with jitter. The same message is sent again: its content has a known length (Kiota's is a
/// seekable stream), so it is replayed byte for byte, and the handlers inside (redirects, signing) run again for every
/// attempt. A message whose content cannot be replayed is not retried.
/// </summary>
internal sealed class UcsRetryHandler(FleetRetryOptions options, TimeProvider time, FleetTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = FleetOperationOption.Of(request);
        var policy = PolicyOf(request);
        var operation = call?.Operation.Id ?? request.Method.Method;
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < options.MaxRetries && CanReplay(request);
            var started = Stopwatch.GetTimestamp();
            call?.Record.Attempts = attempt + 1;
            HttpResponseMessage response;
            var limited = policy == FleetRetryPolicy.Idempotent && options.AttemptTimeout != Timeout.InfiniteTimeSpan;
            using (var attemptTimer = limited ? new CancellationTokenSource(options.AttemptTimeout, time) : null)
            using (var attemptLimit = limited ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimer!.Token) : null)
            {
                try
                {
                    response = await base.SendAsync(request, attemptLimit?.Token ?? cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (Failed(operation, attempt, started, e, IsRetriable(e, policy), canRetry))
                {
                    await WaitAsync(operation, "connection_error", attempt, Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException e) when (attemptTimer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested
                    && Failed(operation, attempt, started, e, retriable: true, canRetry))
                {
                    await WaitAsync(operation, "attempt_timeout", attempt, Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException e) when (attemptTimer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
                {
                    // The client's own limit ended the last attempt, not the caller: a time-out, not a cancellation.
                    throw new TimeoutException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"The UCS request {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {options.AttemptTimeout.TotalSeconds:0.###} s (FleetRetryOptions.AttemptTimeout) in any of its {attempt + 1} attempts; it is safe to retry, because the request cannot act twice."),
                        e);
                }
            }

            var status = (int)response.StatusCode;
            var requestId = UcsResponseHeaders.RequestId(response);
            FleetLog.Attempt(telemetry.Logger, operation, attempt + 1, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            if (call is not null)
            {
                call.Record.StatusCode = status;
                call.Record.RequestId = requestId;
            }

            if (response.IsSuccessStatusCode || RetryDelay(response, attempt, policy) is not { } delay)
            {
                return response;
            }

            if (!canRetry)
            {
                FleetLog.RetriesExhausted(telemetry.Logger, operation, attempt + 1, $"status {status}");
                return response;
            }

            response.Dispose();
            await WaitAsync(operation, $"status_{status}", attempt, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Logs a failed attempt; whether to retry it (when it is retriable and attempts are left).</summary>
    private bool Failed(string operation, int attempt, long started, Exception e, bool retriable, bool canRetry)
    {
        FleetLog.AttemptFailed(telemetry.Logger, operation, attempt + 1, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
        if (retriable && !canRetry)
        {
            FleetLog.RetriesExhausted(telemetry.Logger, operation, attempt + 1, e.GetType().Name);
        }

        return retriable && canRetry;
    }

    private async Task WaitAsync(string operation, string reason, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        FleetLog.Retrying(telemetry.Logger, operation, reason, attempt + 2, (long)delay.TotalMilliseconds);
        telemetry.Retries.Add(1, new KeyValuePair<string, object?>("ucs.operation.id", operation), new KeyValuePair<string, object?>("reason", reason));
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The retry policy of a request: its operation's, from the contract; by its HTTP method for a request the façade did not send.</summary>
    public static FleetRetryPolicy PolicyOf(HttpRequestMessage request) => FleetOperationOption.Of(request)?.Operation.Retry ?? PolicyOf(request.Method);

    private static FleetRetryPolicy PolicyOf(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options
            ? FleetRetryPolicy.Idempotent
            : FleetRetryPolicy.NotIdempotent;

    private static bool CanReplay(HttpRequestMessage request) => request.Content is null || request.Content.Headers.ContentLength is not null;

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt, FleetRetryPolicy policy)
    {
        var retryAfter = UcsResponseHeaders.RetryAfter(response, time);
        var retriable = policy switch
        {
            FleetRetryPolicy.Idempotent => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            _ => response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter is not null),
        };
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

    /// <summary>A refused connection proves nothing was sent; any other connection failure is ambiguous and retried only where repeating is safe.</summary>
    private static bool IsRetriable(HttpRequestException e, FleetRetryPolicy policy) => policy == FleetRetryPolicy.Idempotent
        ? e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown
        : e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
