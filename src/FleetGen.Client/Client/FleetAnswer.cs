using FleetGen.Client.Http;

namespace FleetGen.Client;

/// <summary>
/// A success answer of an operation, kept whole for its hook (<c>On{OperationId}Answer</c>): the status, the request
/// id, the body as received and the model Kiota read from it, which the hook may check or replace.
/// </summary>
internal sealed class FleetAnswer<T>
{
    private readonly SecretRedactor redactor;

    public FleetAnswer(int statusCode, string? requestId, byte[] body, SecretRedactor redactor)
    {
        StatusCode = statusCode;
        RequestId = redactor.Apply(requestId);
        Body = body;
        this.redactor = redactor;
    }

    public int StatusCode { get; }

    public string? RequestId { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public T Value { get; set; } = default!;

    /// <summary>The exception for an answer that cannot be used: <paramref name="problem"/> says why, secrets the request carried redacted.</summary>
    public UcsApiException Unusable(string problem, Exception? innerException = null) =>
        UcsApiException.UnusableAnswer(StatusCode, redactor.Apply(problem)!, RequestId, innerException);
}
