namespace FleetGen.Testing;

/// <summary>A request as the fake server received it.</summary>
/// <param name="RequestId">The <c>X-Request-Id</c> the server answered with.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent, e.g. <c>/v1/clustergroups/a%2Fb/cert</c>.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The body bytes.</param>
public sealed record FakeUcsRequest(string RequestId, string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <inheritdoc />
    public override string ToString() => $"{RequestId} {Method} {RawTarget} ({Body.Length} bytes)";
}
