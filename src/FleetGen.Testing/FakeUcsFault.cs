namespace FleetGen.Testing;

/// <summary>
/// A failure the fake server plays for one request, in place of its normal answer. Queue them with
/// <see cref="FakeUcsServer.EnqueueFault"/>; each is used once, in order.
/// </summary>
public sealed class FakeUcsFault
{
    private FakeUcsFault(FakeUcsFaultKind kind, int statusCode, TimeSpan? delay, string description)
    {
        Kind = kind;
        StatusCode = statusCode;
        Delay = delay;
        Description = description;
    }

    /// <summary>What kind of failure.</summary>
    public FakeUcsFaultKind Kind { get; }

    /// <summary>The status answered (0 for a dropped connection or a slow success).</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> sent, or the delay of a slow answer.</summary>
    public TimeSpan? Delay { get; }

    private string Description { get; }

    /// <summary>429 with <c>Retry-After</c> and UCS.01000002.</summary>
    public static FakeUcsFault Throttle(TimeSpan retryAfter) => new(FakeUcsFaultKind.Error, 429, retryAfter, $"429 Retry-After {retryAfter.TotalSeconds:0}");

    /// <summary>500 with UCS.00000006.</summary>
    public static FakeUcsFault InternalError() => new(FakeUcsFaultKind.Error, 500, null, "500");

    /// <summary>503 with a gateway error body, with <c>Retry-After</c> when given.</summary>
    public static FakeUcsFault ServiceUnavailable(TimeSpan? retryAfter = null) => new(FakeUcsFaultKind.Error, 503, retryAfter, "503");

    /// <summary>504 with a gateway error body, after the request reached the service.</summary>
    public static FakeUcsFault GatewayTimeout() => new(FakeUcsFaultKind.Error, 504, null, "504");

    /// <summary>201 with a body cut short in the middle of the JSON.</summary>
    public static FakeUcsFault MalformedJson() => new(FakeUcsFaultKind.MalformedJson, 201, null, "201 with malformed JSON");

    /// <summary>The normal answer, after <paramref name="delay"/>.</summary>
    public static FakeUcsFault Slow(TimeSpan delay) => new(FakeUcsFaultKind.Slow, 0, delay, $"slow by {delay.TotalMilliseconds:0} ms");

    /// <summary>The request is carried out, then its answer is replaced by 504 from the gateway: the client cannot tell that it acted.</summary>
    public static FakeUcsFault ActThenGatewayTimeout() => new(FakeUcsFaultKind.ActThenFail, 504, null, "carried out, then 504");

    /// <summary>The request is carried out, then the connection is closed without its answer.</summary>
    public static FakeUcsFault ActThenDropConnection() => new(FakeUcsFaultKind.ActThenFail, 0, null, "carried out, then dropped connection");

    /// <summary>The connection is closed after the request was read, without an answer.</summary>
    public static FakeUcsFault DropConnection() => new(FakeUcsFaultKind.DropConnection, 0, null, "dropped connection");

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>The kinds of <see cref="FakeUcsFault"/>.</summary>
public enum FakeUcsFaultKind
{
    /// <summary>An error status with a body.</summary>
    Error,

    /// <summary>A success whose JSON is cut short.</summary>
    MalformedJson,

    /// <summary>The normal answer, late.</summary>
    Slow,

    /// <summary>No answer; the connection is closed.</summary>
    DropConnection,

    /// <summary>The request is carried out, but the client gets 504 or a closed connection instead of the answer.</summary>
    ActThenFail,
}
