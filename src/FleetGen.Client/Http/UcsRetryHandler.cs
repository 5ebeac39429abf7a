using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FleetGen.Client.Runtime;
using FleetGen.Client.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FleetGen.Client.Http;

/// <summary>
/// Retries what the request's operation allows (<see cref="FleetRetryPolicy"/>, from the contract; by HTTP method for a
/// request that carries no operation), with Polly: an exponential backoff with jitter, or the answer's <c>Retry-After</c> when it is
/// within <see cref="FleetRetryOptions.MaxRetryAfter"/> (a longer one ends the retries at once), and a time limit per
/// attempt for a request that may be repeated. The same message is sent again: its content has a known length (Kiota's
/// is a seekable stream), so it is replayed byte for byte, and the handlers inside (redirects, signing) run again for
/// every attempt. A message whose content cannot be replayed is not retried.
/// </summary>
internal sealed class UcsRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<Call> CallKey = new("FleetGen.Call");

    private readonly FleetRetryOptions options;
    private readonly FleetTelemetry telemetry;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public UcsRetryHandler(FleetRetryOptions options, TimeProvider time, FleetTelemetry telemetry, Func<double>? randomizer = null)
    {
        this.options = options;
        this.telemetry = telemetry;
        this.time = time;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context.Properties.GetValue(CallKey, null!))),
                DelayGenerator = args => new(args.Context.Properties.GetValue(CallKey, null!).RetryAfter),
                OnRetry = args => OnRetryAsync(args),
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }

            builder.AddRetry(retry);
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => new(args.Context.Properties.GetValue(CallKey, null!).Policy == FleetRetryPolicy.Idempotent ? options.AttemptTimeout : Timeout.InfiniteTimeSpan),
            });
        }

        pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = new Call(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await pipeline.ExecuteAsync(static (context, state) => state.Handler.SendAttemptAsync(state.Call, context.CancellationToken), context, (Handler: this, Call: call))
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The UCS request {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {options.AttemptTimeout.TotalSeconds:0.###} s (FleetRetryOptions.AttemptTimeout) in any of its {call.Attempt} attempts; it is safe to retry, because the request cannot act twice."),
                e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(Call call, CancellationToken cancellationToken)
    {
        call.Attempt++;
        call.Option?.Record.Attempts = call.Attempt;
        call.Started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(call.Request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            FleetLog.AttemptFailed(telemetry.Logger, call.Operation, call.Attempt, ElapsedMs(call), e.GetType().Name);
            throw;
        }

        var status = (int)response.StatusCode;
        var requestId = UcsResponseHeaders.RequestId(response);
        FleetLog.Attempt(telemetry.Logger, call.Operation, call.Attempt, status, ElapsedMs(call), requestId);
        if (call.Option is { } option)
        {
            option.Record.StatusCode = status;
            option.Record.RequestId = requestId;
        }

        return response;
    }

    /// <summary>Whether to send again: the failure is retriable for the operation's policy and attempts are left (else logged as exhausted).</summary>
    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, Call call)
    {
        call.RetryAfter = null;
        var reason = outcome switch
        {
            { Exception: HttpRequestException e } => IsRetriable(e, call.Policy) ? e.GetType().Name : null,
            { Exception: TimeoutRejectedException e } => e.GetType().Name,
            { Result: { } response } => RetriableAnswer(response, call),
            _ => null,
        };
        if (reason is null)
        {
            return false;
        }

        if (attemptNumber < options.MaxRetries && CanReplay(call.Request))
        {
            return true;
        }

        FleetLog.RetriesExhausted(telemetry.Logger, call.Operation, attemptNumber + 1, reason);
        return false;
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var call = args.Context.Properties.GetValue(CallKey, null!);
        var reason = args.Outcome switch
        {
            { Result: { } response } => string.Create(CultureInfo.InvariantCulture, $"status_{(int)response.StatusCode}"),
            { Exception: TimeoutRejectedException } => "attempt_timeout",
            _ => "connection_error",
        };
        FleetLog.Retrying(telemetry.Logger, call.Operation, reason, args.AttemptNumber + 2, (long)args.RetryDelay.TotalMilliseconds);
        telemetry.Retries.Add(1, new KeyValuePair<string, object?>("ucs.operation.id", call.Operation), new KeyValuePair<string, object?>("reason", reason));
        return default;
    }

    /// <summary>The retry policy of a request: its operation's, from the contract; by its HTTP method for a request the façade did not send.</summary>
    public static FleetRetryPolicy PolicyOf(HttpRequestMessage request) => FleetOperationOption.Of(request)?.Operation.Retry ?? PolicyOf(request.Method);

    private static FleetRetryPolicy PolicyOf(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options
            ? FleetRetryPolicy.Idempotent
            : FleetRetryPolicy.NotIdempotent;

    private static bool CanReplay(HttpRequestMessage request) => request.Content is null || request.Content.Headers.ContentLength is not null;

    /// <summary>The reason to retry an answer (its status), or <c>null</c>; keeps its <c>Retry-After</c> for the delay.</summary>
    private string? RetriableAnswer(HttpResponseMessage response, Call call)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var retryAfter = UcsResponseHeaders.RetryAfter(response, time);
        var retriable = call.Policy switch
        {
            FleetRetryPolicy.Idempotent => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            _ => response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter is not null),
        };
        if (!retriable || retryAfter > options.MaxRetryAfter)
        {
            return null;
        }

        call.RetryAfter = retryAfter;
        return string.Create(CultureInfo.InvariantCulture, $"status {(int)response.StatusCode}");
    }

    /// <summary>A refused connection proves nothing was sent; any other connection failure is ambiguous and retried only where repeating is safe.</summary>
    private static bool IsRetriable(HttpRequestException e, FleetRetryPolicy policy) => policy == FleetRetryPolicy.Idempotent
        ? e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown
        : e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static long ElapsedMs(Call call) => (long)Stopwatch.GetElapsedTime(call.Started).TotalMilliseconds;

    /// <summary>What the pipeline's callbacks know of one call: its request, operation and policy, and its attempts so far.</summary>
    private sealed class Call(HttpRequestMessage request)
    {
        public HttpRequestMessage Request { get; } = request;

        public FleetOperationOption? Option { get; } = FleetOperationOption.Of(request);

        public string Operation => Option?.Operation.Id ?? Request.Method.Method;

        public FleetRetryPolicy Policy { get; } = PolicyOf(request);

        public int Attempt { get; set; }

        public long Started { get; set; }

        public TimeSpan? RetryAfter { get; set; }
    }
}
