using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Testing;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// What the contract says one call of an operation puts on the wire (built by the generated wire tests from the
/// contract's examples), and the check of the request the fake server recorded against it.
/// </summary>
public sealed class OperationCall(string operationId, string method, string pathTemplate, IReadOnlyList<string> successStatuses)
{
    private readonly Dictionary<string, string> path = new(StringComparer.Ordinal);
    private readonly List<(string Name, string[] Values)> query = [];
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> unmappedFields = [];
    private readonly Dictionary<string, JsonNode?> documentedDefaults = new(StringComparer.Ordinal);
    private JsonNode? body;
    private bool hasBody;

    public string OperationId { get; } = operationId;

    /// <summary>The documented success statuses (<c>200</c>, <c>201</c>, <c>2XX</c>…).</summary>
    public IReadOnlyList<string> SuccessStatuses { get; } = successStatuses;

    /// <summary>The path parameters' values (seeding reads them, e.g. the fleet an operation needs).</summary>
    public IReadOnlyDictionary<string, string> PathValues => path;

    public void Path(string name, string value) => path[name] = value;

    /// <summary>A query parameter: one value, or one per repetition of the name.</summary>
    public void Query(string name, params string[] values) => query.Add((name, values));

    public void Header(string name, string value) => headers[name] = value;

    /// <summary>
    /// A property the example leaves out whose default the contract documents: Kiota's model constructor sets it, so
    /// the body may carry it with that value (and no other).
    /// </summary>
    public void DocumentedDefault(string jsonPath, string defaultJson) => documentedDefaults[jsonPath] = JsonNode.Parse(defaultJson);

    /// <summary>The request example as the body model, through Kiota's JSON parse node: the JSON on the wire must equal it.</summary>
    public T Body<T>(string exampleJson, ParsableFactory<T> factory)
        where T : IParsable
    {
        var model = Parse(exampleJson).GetObjectValue(factory) ?? throw new InvalidOperationException($"{OperationId}: the request example parses to no model");
        UnmappedFields(model, "$");
        return model;
    }

    /// <summary>A request example that is a JSON array, as the list of models the façade takes.</summary>
    public List<T> BodyList<T>(string exampleJson, ParsableFactory<T> factory)
        where T : IParsable
    {
        var models = Parse(exampleJson).GetCollectionOfObjectValues(factory).ToList();
        for (var i = 0; i < models.Count; i++)
        {
            UnmappedFields(models[i], $"$[{i}]");
        }

        return models;
    }

    /// <summary>
    /// Everything in <paramref name="request"/> that differs from what the contract says, one line each; empty when the
    /// request is as documented. <paramref name="token"/> is the credential the client was given.
    /// </summary>
    public List<string> Differences(FakeUcsRequest request, string token)
    {
        var differences = new List<string>();
        if (request.Method != method)
        {
            differences.Add($"method: {request.Method}, the contract says {method}");
        }

        var (sentPath, sentQuery) = Split(request.RawTarget);
        var expectedPath = path.Aggregate(pathTemplate, (p, v) => p.Replace("{" + v.Key + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));
        if (sentPath != expectedPath)
        {
            differences.Add($"path: {sentPath}, the contract with the examples gives {expectedPath}");
        }

        var expectedQuery = query.SelectMany(q => q.Values.Select(v => (q.Name, Value: v))).OrderBy(q => q.Name, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).ToList();
        var sortedQuery = sentQuery.OrderBy(q => q.Name, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).ToList();
        if (!sortedQuery.SequenceEqual(expectedQuery))
        {
            differences.Add($"query: {Text(sortedQuery)}, the contract with the examples gives {Text(expectedQuery)}");
        }

        foreach (var (name, value) in headers.Append(new("X-Auth-Token", token)))
        {
            if (!request.Headers.TryGetValue(name, out var sent) || sent != value)
            {
                differences.Add($"header {name}: {(sent is null ? "not sent" : $"\"{sent}\"")}, the contract with the examples gives \"{value}\"");
            }
        }

        differences.AddRange(unmappedFields);
        if (!hasBody)
        {
            if (request.Body.Length > 0)
            {
                differences.Add($"body: {request.Body.Length} bytes sent, the contract has no request body");
            }

            return differences;
        }

        if (!request.Headers.TryGetValue("Content-Type", out var contentType) || contentType.Split(';')[0].Trim() != "application/json")
        {
            differences.Add($"header Content-Type: {(contentType is null ? "not sent" : $"\"{contentType}\"")}, the contract says application/json");
        }

        JsonNode? sentBody;
        try
        {
            sentBody = JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            differences.Add($"body: not JSON ({e.Message})");
            return differences;
        }

        differences.AddRange(JsonDifferences.Between(body, sentBody, documentedDefaults).Select(d => "body " + d));
        return differences;
    }

    private JsonParseNode Parse(string exampleJson)
    {
        hasBody = true;
        body = JsonNode.Parse(exampleJson);
        return new JsonParseNode(JsonDocument.Parse(exampleJson).RootElement.Clone());
    }

    /// <summary>A field of the example that no property of the model reads is a difference (see <see cref="UnmappedModelFields"/>).</summary>
    private void UnmappedFields(object? model, string where) =>
        unmappedFields.AddRange(UnmappedModelFields.In(model, where).Select(f => "body " + f));

    private static (string Path, List<(string Name, string Value)> Query) Split(string rawTarget)
    {
        var mark = rawTarget.IndexOf('?');
        if (mark < 0)
        {
            return (rawTarget, []);
        }

        var pairs = rawTarget[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty))
            .ToList();
        return (rawTarget[..mark], pairs);
    }

    private static string Text(IEnumerable<(string Name, string Value)> pairs) =>
        pairs.Any() ? string.Join("&", pairs.Select(p => $"{p.Name}={p.Value}")) : "(none)";
}
