using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Testing.Server;

namespace FleetGen.FakeServer.Tool;

/// <summary>
/// The seed file of <c>--seed</c>: <c>{"fleets": [{"id": "fleet-a"}, {"id": "lab", "federation": false}]}</c>
/// (<c>federation</c> defaults to true). Read strictly: every problem is a <see cref="UsageException"/> naming the
/// file and the field, e.g. <c>fleets[1].id</c>.
/// </summary>
internal static class SeedFile
{
    public static IReadOnlyList<SeedFleet> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--seed {path}: cannot be read: {e.Message}");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($"--seed {path}: not JSON: {e.Message}");
        }

        var file = Object(path, root, "(the file)", "fleets");
        if (file["fleets"] is not JsonArray fleets)
        {
            throw Problem(path, "fleets", "is required: an array of {\"id\": \"...\", \"federation\": true|false}");
        }

        return fleets.Select((node, i) => Fleet(path, node, $"fleets[{i}]")).ToList();
    }

    private static SeedFleet Fleet(string path, JsonNode? node, string at)
    {
        var fleet = Object(path, node, at, "id", "federation");
        var id = fleet["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String
            ? idValue.GetValue<string>()
            : throw Problem(path, $"{at}.id", fleet["id"] is null ? "is required: the fleet's id" : "must be a string");
        if (FakeAdminBodies.FleetIdProblem(id) is { } problem)
        {
            throw Problem(path, $"{at}.id", problem);
        }

        var federation = fleet["federation"] switch
        {
            null => true,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw Problem(path, $"{at}.federation", "must be true or false"),
        };
        return new SeedFleet(id, federation);
    }

    private static JsonObject Object(string path, JsonNode? node, string at, params string[] known)
    {
        if (node is not JsonObject fields)
        {
            throw Problem(path, at, $"must be an object with {string.Join(", ", known)}");
        }

        if (fields.Select(f => f.Key).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            var where = at.StartsWith('(') ? unknown : $"{at}.{unknown}";
            throw Problem(path, where, $"is not a known field; the fields are {string.Join(", ", known)}");
        }

        return fields;
    }

    private static UsageException Problem(string path, string field, string problem) => new($"--seed {path}: {field} {problem}.");
}
