using System.Net.Http.Headers;
using FleetGen.Client.Http;

namespace FleetGen.Client.Runtime;

/// <summary>
/// A success answer of an operation, kept whole for its hook (<c>On{OperationId}Answer</c>): the status, the request
/// id, the headers, the body as received and the model Kiota read from it, which the hook may check or replace.
/// </summary>
/// <typeparam name="T">The model of the answer.</typeparam>
public sealed class FleetAnswer<T>
{
    private readonly SecretRedactor redactor;
    private readonly HttpHeaders? headers;
    private readonly HttpHeaders? contentHeaders;

    internal FleetAnswer(int statusCode, string? requestId, byte[] body, SecretRedactor redactor, HttpHeaders? headers = null, HttpHeaders? contentHeaders = null)
    {
        StatusCode = statusCode;
        RequestId = redactor.Apply(requestId);
        Body = body;
        this.redactor = redactor;
        this.headers = headers;
        this.contentHeaders = contentHeaders;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The request id the service gave the call (<c>X-Request-Id</c>), when it gave one.</summary>
    public string? RequestId { get; }

    /// <summary>The body as received.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The model read from <see cref="Body"/>; the hook may replace it with a checked one.</summary>
    public T Value { get; set; } = default!;

    /// <summary>The exception for an answer that cannot be used: <paramref name="problem"/> says why, secrets the request carried redacted.</summary>
    /// <param name="problem">What is wrong with the answer.</param>
    /// <param name="innerException">The failure that revealed it, if any.</param>
    public UcsApiException Unusable(string problem, Exception? innerException = null) =>
        UcsApiException.UnusableAnswer(StatusCode, redactor.Apply(problem)!, RequestId, innerException);

    /// <summary>The answer as the caller of a <c>…WithResponseAsync</c> method gets it: <see cref="Value"/>, status, headers and request id.</summary>
    public FleetResponse<T> ToResponse() => new(Value, StatusCode, new FleetResponseHeaders(headers, contentHeaders), RequestId);
}
