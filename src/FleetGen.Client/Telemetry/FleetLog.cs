using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Telemetry;

/// <summary>FleetGen's log lines, as message templates (structured, no interpolation).</summary>
internal static partial class FleetLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "UCS {Operation} attempt {Attempt} answered {StatusCode} in {DurationMs} ms (request id {RequestId})")]
    public static partial void Attempt(ILogger logger, string operation, int attempt, int statusCode, long durationMs, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "UCS {Operation} attempt {Attempt} failed after {DurationMs} ms: {ErrorType}")]
    public static partial void AttemptFailed(ILogger logger, string operation, int attempt, long durationMs, string errorType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "UCS {Operation}: sending again after {Reason}; attempt {NextAttempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string reason, int nextAttempt, long delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "UCS {Operation}: retries ran out after {Attempts} attempts; last: {Reason}")]
    public static partial void RetriesExhausted(ILogger logger, string operation, int attempts, string reason);
}
