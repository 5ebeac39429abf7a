using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetGen.Testing.Server;

/// <summary>
/// Reads the admin API's bodies strictly: a JSON object, known fields only, each of its type; a problem throws
/// <see cref="FakeAdminRequestException"/> naming the field.
/// </summary>
internal static class FakeAdminBodies
{
    public const int MaxFleetIdLength = 256;

    public const int MaxFaultCount = 100;

    /// <summary>The kinds of <c>POST /_fake/faults</c>, each a <see cref="FakeUcsFault"/> factory.</summary>
    public static readonly IReadOnlyList<string> FaultKinds =
    [
        "throttle", "internal-error", "service-unavailable", "gateway-timeout", "malformed-json", "slow",
        "drop-connection", "act-then-gateway-timeout", "act-then-drop-connection",
    ];

    public static (string Id, bool Federation, string? Name) Fleet(byte[] body)
    {
        var fields = Object(body, "id", "federation", "name");
        var id = String(fields, "id") ?? throw new FakeAdminRequestException("id", "id is required: the fleet's id (cluster group id).");
        return (Checked("id", id), Boolean(fields, "federation") ?? true, String(fields, "name") is { } name ? Checked("name", name) : null);
    }

    public static (string Id, string? Name, string? Fleet, string Category, string Type, bool Activated) Cluster(byte[] body)
    {
        var fields = Object(body, "id", "name", "fleet", "category", "type", "activated");
        var id = String(fields, "id") ?? throw new FakeAdminRequestException("id", "id is required: the cluster's id.");
        return (
            Checked("id", id),
            String(fields, "name") is { } name ? Checked("name", name) : null,
            String(fields, "fleet") is { } fleet ? Checked("fleet", fleet) : null,
            String(fields, "category") is { } category ? Checked("category", category) : "self",
            String(fields, "type") is { } type ? Checked("type", type) : "cce",
            Boolean(fields, "activated") ?? true);
    }

    public static (FakeUcsFault Fault, int Count) Fault(byte[] body)
    {
        var fields = Object(body, "kind", "retryAfterSeconds", "delayMilliseconds", "count");
        var kind = String(fields, "kind") ?? throw new FakeAdminRequestException("kind", $"kind is required: one of {string.Join(", ", FaultKinds)}.");
        var retryAfter = Integer(fields, "retryAfterSeconds", 0, 3600) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var delay = Integer(fields, "delayMilliseconds", 0, 600_000) is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : (TimeSpan?)null;
        var count = Integer(fields, "count", 1, MaxFaultCount) ?? 1;
        if (retryAfter is not null && kind is not ("throttle" or "service-unavailable"))
        {
            throw new FakeAdminRequestException("retryAfterSeconds", $"retryAfterSeconds applies to throttle and service-unavailable only, not to {kind}.");
        }

        if (delay is not null && kind != "slow")
        {
            throw new FakeAdminRequestException("delayMilliseconds", $"delayMilliseconds applies to slow only, not to {kind}.");
        }

        var fault = kind switch
        {
            "throttle" => FakeUcsFault.Throttle(retryAfter ?? TimeSpan.FromSeconds(1)),
            "internal-error" => FakeUcsFault.InternalError(),
            "service-unavailable" => FakeUcsFault.ServiceUnavailable(retryAfter),
            "gateway-timeout" => FakeUcsFault.GatewayTimeout(),
            "malformed-json" => FakeUcsFault.MalformedJson(),
            "slow" => FakeUcsFault.Slow(delay ?? throw new FakeAdminRequestException("delayMilliseconds", "delayMilliseconds is required for slow.")),
            "drop-connection" => FakeUcsFault.DropConnection(),
            "act-then-gateway-timeout" => FakeUcsFault.ActThenGatewayTimeout(),
            "act-then-drop-connection" => FakeUcsFault.ActThenDropConnection(),
            _ => throw new FakeAdminRequestException("kind", $"kind \"{kind}\" is not a fault; one of {string.Join(", ", FaultKinds)}."),
        };
        return (fault, count);
    }

    /// <summary>Why <paramref name="id"/> cannot be a fleet id (or another id or name) of the fake (e.g. "must not be empty"), or null when it can.</summary>
    public static string? FleetIdProblem(string id) =>
        id.Length == 0 ? "must not be empty"
        : id.Length > MaxFleetIdLength ? $"must be at most {MaxFleetIdLength} characters"
        : id.Any(char.IsControl) ? "must not contain control characters (line breaks, tabs)"
        : id.Trim().Length != id.Length ? "must not start or end with a space"
        : null;

    private static string Checked(string field, string value) =>
        FleetIdProblem(value) is { } problem ? throw new FakeAdminRequestException(field, $"{field} {problem}.") : value;

    private static JsonObject Object(byte[] body, params string[] known)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new FakeAdminRequestException(null, $"The body is not JSON: {e.Message}");
        }

        if (node is not JsonObject fields)
        {
            throw new FakeAdminRequestException(null, $"The body must be a JSON object with {string.Join(", ", known)}.");
        }

        if (fields.Select(f => f.Key).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            throw new FakeAdminRequestException(unknown, $"Unknown field \"{unknown}\"; the fields are {string.Join(", ", known)}.");
        }

        return fields;
    }

    private static string? String(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new FakeAdminRequestException(name, $"{name} must be a string."),
    };

    private static bool? Boolean(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new FakeAdminRequestException(name, $"{name} must be true or false."),
    };

    private static int? Integer(JsonObject fields, string name, int minimum, int maximum) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number >= minimum && number <= maximum => number,
        _ => throw new FakeAdminRequestException(name, $"{name} must be a whole number from {minimum} to {maximum}."),
    };
}
