using System.Net;
using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client;

/// <summary>
/// Any failure the service reports: an answer of UCS that is not a success, a success whose body is not what the
/// contract promises, a federation job that failed (<see cref="FederationJobFailedException"/>) or a fleet whose
/// federation is in the wrong state (<see cref="FederationStateException"/>). It carries the HTTP status, the UCS error
/// code and message, and the request id, whichever error body shape the service used.
/// </summary>
public class UcsApiException : ApiException
{
    /// <summary>The most characters of an error body kept in <see cref="RawBody"/>.</summary>
    public const int MaxRawBodyLength = 4096;

    /// <summary>Creates the exception, e.g. to stand for a service error in a consumer's own tests.</summary>
    public UcsApiException(int statusCode, string? errorCode, string? errorMessage, string? requestId = null, string? rawBody = null, Exception? innerException = null)
        : this(statusCode, errorCode, errorMessage, requestId, rawBody, summary: null, innerException)
    {
    }

    /// <summary>For a failure the service reported in an answer that is not an error (a failed job, a wrong state): <paramref name="message"/> says what failed, in words that hold no secret.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="statusCode">The HTTP status of the answer that showed the failure.</param>
    /// <param name="errorCode">The UCS error code, when that answer was an error that carried one.</param>
    /// <param name="errorMessage">The UCS error message of that answer, when it was an error.</param>
    /// <param name="requestId">The request id of that answer, when it is known.</param>
    /// <param name="innerException">The error answer the failure was found from, when there was one.</param>
    protected UcsApiException(string message, int statusCode, string? errorCode, string? errorMessage, string? requestId, Exception? innerException)
        : this(statusCode, errorCode, errorMessage, requestId, null, SafeText.OneLine(message), innerException)
    {
        if (innerException is ApiException { ResponseHeaders: var headers })
        {
            ResponseHeaders = headers;
        }
    }

    private UcsApiException(int statusCode, string? errorCode, string? errorMessage, string? requestId, string? rawBody, string? summary, Exception? innerException)
        : base(summary ?? Describe(statusCode, errorCode, errorMessage, requestId, rawBody), innerException!)
    {
        ResponseStatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        RawBody = rawBody is { Length: > MaxRawBodyLength } ? rawBody[..MaxRawBodyLength] : rawBody;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => ResponseStatusCode;

    /// <summary>The UCS error code, e.g. <c>UCS.01100005</c> (see <see cref="UcsErrorCodes"/>); <c>null</c> when the body carried none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of the body.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The request id: <c>request_id</c> of the body, else the <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The body as text, at most <see cref="MaxRawBodyLength"/> characters; for bodies that are empty, not JSON or cut short.</summary>
    public string? RawBody { get; }

    /// <summary>The encoded reason of an IAM policy denial, when the body carried one.</summary>
    public string? EncodedAuthorizationMessage { get; private init; }

    /// <summary>How long the service asked to wait (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    internal static UcsApiException FromResponse(int statusCode, UcsErrorFields? error, string? rawBody, string? headerRequestId, TimeSpan? retryAfter, IDictionary<string, IEnumerable<string>> headers)
    {
        var exception = new UcsApiException(
            statusCode,
            error?.Code,
            error?.Message,
            error?.RequestId ?? Blank(headerRequestId),
            error is null ? rawBody : null,
            summary: null,
            innerException: null)
        {
            EncodedAuthorizationMessage = error?.EncodedAuthorizationMessage,
            RetryAfter = retryAfter,
        };
        exception.ResponseHeaders = headers;
        return exception;
    }

    /// <summary>An answer that cannot be used or is refused: <paramref name="problem"/> says why, in words that hold no secret.</summary>
    internal static UcsApiException UnusableAnswer(int statusCode, string problem, string? requestId, Exception? innerException = null) =>
        new(statusCode, null, null, requestId, null,
            $"UCS answered {Status(statusCode)}, but {SafeText.OneLine(problem)}{RequestIdText(requestId)}", innerException);

    private static string Describe(int statusCode, string? errorCode, string? errorMessage, string? requestId, string? rawBody)
    {
        var detail = (errorCode, errorMessage) switch
        {
            (null, null) when string.IsNullOrWhiteSpace(rawBody) => " with an empty body",
            (null, null) => $" with a body that is not a UCS error: \"{Excerpt(rawBody!)}\"",
            _ => $": {SafeText.OneLine(string.Join(' ', new[] { errorCode, errorMessage }.Where(p => p is not null)))}",
        };
        return $"UCS answered {Status(statusCode)}{detail}{RequestIdText(requestId)}";
    }

    private static string Status(int statusCode) =>
        Enum.IsDefined((HttpStatusCode)statusCode) ? $"{statusCode} ({(HttpStatusCode)statusCode})" : statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RequestIdText(string? requestId) => requestId is null ? "." : $" (request id {SafeText.OneLine(requestId)}).";

    private static string Excerpt(string text)
    {
        var line = SafeText.OneLine(string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim());
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
