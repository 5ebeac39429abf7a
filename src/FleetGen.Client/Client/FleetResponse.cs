namespace FleetGen.Client;

/// <summary>
/// What the service answered to a call that succeeded, beyond its model: the HTTP status, the headers and the request
/// id to quote to support. Returned by every operation's <c>{OperationId}WithResponseAsync</c> method.
/// </summary>
/// <param name="status">The HTTP status of the answer.</param>
/// <param name="headers">The headers of the answer, names case-insensitive.</param>
/// <param name="requestId">The request id the service gave the call (<c>X-Request-Id</c>), when it gave one.</param>
public class FleetResponse(int status, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? requestId)
{
    /// <summary>The HTTP status of the answer (200, 201, 204...).</summary>
    public int Status { get; } = status;

    /// <summary>The headers of the answer (content headers included) as received, read-only, names case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; } = headers ?? throw new ArgumentNullException(nameof(headers));

    /// <summary>The request id the service gave the call (<c>X-Request-Id</c>), when it gave one.</summary>
    public string? RequestId { get; } = requestId;
}

/// <summary>A success answer with its model: <see cref="Value"/> is what <c>{OperationId}Async</c> returns.</summary>
/// <typeparam name="T">The model of the answer.</typeparam>
/// <param name="value">The model read from the answer.</param>
/// <param name="status">The HTTP status of the answer.</param>
/// <param name="headers">The headers of the answer, names case-insensitive.</param>
/// <param name="requestId">The request id the service gave the call, when it gave one.</param>
public sealed class FleetResponse<T>(T value, int status, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? requestId)
    : FleetResponse(status, headers, requestId)
{
    /// <summary>The model read from the answer, checked as the operation requires.</summary>
    public T Value { get; } = value;
}
