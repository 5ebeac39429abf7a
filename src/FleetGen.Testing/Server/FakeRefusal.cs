using FleetGen.Client;

namespace FleetGen.Testing.Server;

/// <summary>A documented error answer of the fake's platform model: the status, the UCS code and a message naming what is wrong.</summary>
internal sealed record FakeRefusal(int Status, string Code, string Message)
{
    public static FakeRefusal NotFound(string what) => new(404, UcsErrorCodes.ResourceNotFound, $"No requested resources found: {what}.");

    public static FakeRefusal ClusterNotFound(string clusterId) => new(404, UcsErrorCodes.ClusterNotFound, $"Cluster Not Found: {clusterId}.");

    public static FakeRefusal FleetNotFound(string fleetId) => new(404, UcsErrorCodes.ClusterGroupNotFound, $"ClusterGroup Not Found: {fleetId}.");

    public static FakeRefusal BadBody(string field, string rule) => new(400, UcsErrorCodes.InvalidRequestBody, $"Invalid request body: {field} {rule}.");

    public static FakeRefusal BadQuery(string parameter, string rule) => new(400, UcsErrorCodes.BadQueryParameter, $"Bad query parameter value: {parameter} {rule}.");

    /// <summary>409: UCS documents no code for it, so the body carries the code <see cref="UcsErrorResponses.ForStatus"/> gives a 409.</summary>
    public static FakeRefusal Conflict(string what) => new(409, UcsErrorResponses.ForStatus(409).Code, $"Conflict: {what}.");
}

/// <summary>What a platform operation of the fake gives: its answer, or the refusal to send instead.</summary>
internal readonly record struct FakeOutcome<T>(T? Value, FakeRefusal? Refusal)
    where T : class
{
    public static implicit operator FakeOutcome<T>(T value) => new(value, null);

    public static implicit operator FakeOutcome<T>(FakeRefusal refusal) => new(null, refusal);
}
