using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Telemetry;

/// <summary>The credential chain's log lines: which source served, renewals, and a renewal that failed while the credentials still held.</summary>
internal static partial class CredentialChainLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "UCS credentials: {Credentials} from {Origin}{Expiry}")]
    public static partial void Served(ILogger logger, string credentials, string origin, string expiry);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "UCS credentials renewed from {Origin}{Expiry}")]
    public static partial void Renewed(ILogger logger, string origin, string expiry);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "UCS credentials from {Origin} could not be renewed ({Reason}); the current ones hold until {ExpiresAt:O}")]
    public static partial void RenewalFailed(ILogger logger, string origin, string reason, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 23, Level = LogLevel.Debug, Message = "UCS account (domain) id looked up at {Iam}")]
    public static partial void DomainFound(ILogger logger, string iam);
}
