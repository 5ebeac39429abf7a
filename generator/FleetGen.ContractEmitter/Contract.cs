using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FleetGen.ContractEmitter;

/// <summary>A parameter of an operation: where it travels, whether it is required, its schema and the name the façade gives it.</summary>
internal sealed record Parameter(string Name, string In, bool Required, string? Description, IOpenApiSchema Schema, string ClrName, string Location)
{
    /// <summary>The parameter's documented example (its <c>example</c>, else its first <c>examples</c> entry), if any.</summary>
    public JsonNode? Example { get; init; }

    /// <summary>Whether an array value travels as one name per item (the contract's <c>explode</c>).</summary>
    public bool Explode { get; init; }
}

/// <summary>An operation of the contract, with what the emitters need of it.</summary>
internal sealed record Operation(
    string OperationId,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    IReadOnlyList<Parameter> Parameters,
    IOpenApiSchema? Body,
    bool BodyRequired,
    string? BodyDescription,
    bool AnswerRequired,
    bool Idempotent,
    string Location)
{
    /// <summary>How the request body travels (JSON unless the contract says otherwise).</summary>
    public BodyKind BodyKind { get; init; } = BodyKind.Json;

    /// <summary>The contract marks the operation deprecated: the façade method is <c>[Obsolete]</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The operation's first tag (its façade group), if it has one.</summary>
    public string? Tag { get; init; }
}

/// <summary>A documented error: a named example of an error response.</summary>
internal sealed record ErrorCode(string Name, string Code, string Status, string Message);

/// <summary>The documented values of an open string property (<c>x-fleetgen-known-values</c>): constants, not an enum, so unknown values still read.</summary>
internal sealed record KnownValues(string ClassName, string Property, IReadOnlyList<string> Values, string Location);

/// <summary>A documented host, named by the server's <c>x-fleetgen-preset</c> extension.</summary>
internal sealed record Endpoint(string Name, string Url, string Description);

/// <summary>
/// The contract as the emitters read it. Anything the façade could not carry end to end (a cookie parameter, a body
/// that is not JSON, an operation without id) is a problem naming its place in the spec, so the build fails instead of
/// dropping it.
/// </summary>
internal sealed record Contract(OpenApiDocument Document, IReadOnlyList<Operation> Operations, IReadOnlyList<ErrorCode> ErrorCodes, IReadOnlyList<Endpoint> Endpoints, IReadOnlyList<KnownValues> KnownValues, IReadOnlyList<string> Problems)
{
    public const string PresetExtension = "x-fleetgen-preset";
    public const string AnswerExtension = "x-fleetgen-answer";
    public const string KnownValuesExtension = "x-fleetgen-known-values";
    public const string NameExtension = "x-fleetgen-name";
    public const string IdempotentExtension = "x-fleetgen-idempotent";

    /// <summary>Headers that authentication sets on every request; an operation's parameter of that name is not a façade parameter.</summary>
    public static readonly IReadOnlySet<string> CredentialHeaders = new HashSet<string>(
        ["X-Auth-Token", "Authorization", "X-Sdk-Date", "X-Domain-Id", "X-Security-Token", "Host"], StringComparer.OrdinalIgnoreCase);

    public static async Task<Contract> LoadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await LoadAsync(stream);
    }

    /// <summary>Reads a contract in YAML or JSON (JSON is read as YAML).</summary>
    public static async Task<Contract> LoadAsync(Stream stream)
    {
        var text = await new StreamReader(stream).ReadToEndAsync();
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(text, "yaml", settings);
        var problems = result.Diagnostic?.Errors.Select(e => e.ToString()).ToList() ?? [];
        if (result.Document is not null)
        {
            problems.AddRange(References.Dangling(text, result.Document));
        }

        if (result.Document is null || problems.Count > 0)
        {
            return new Contract(result.Document ?? new OpenApiDocument(), [], [], [], [], problems.Count > 0 ? problems : ["the contract did not load"]);
        }

        var operations = new List<Operation>();
        var errorCodes = new List<ErrorCode>();
        foreach (var (template, pathItem) in result.Document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in (pathItem.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).OrderBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                var location = $"paths.{template}.{method.Method.ToLowerInvariant()}";
                try
                {
                    if (ReadOperation(template, method, pathItem, operation, location, problems) is { } read)
                    {
                        operations.Add(read);
                    }

                    errorCodes.AddRange(ReadErrorCodes(operation));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problems.Add($"{location}: the emitter cannot read this operation ({e.GetType().Name}: {e.Message})");
                }
            }
        }

        foreach (var clash in operations.GroupBy(o => Names.Method(o.OperationId)).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", clash.Select(o => o.Location))}: the operationIds {string.Join(", ", clash.Select(o => o.OperationId))} give the same method name {clash.Key}Async");
        }

        var endpoints = ReadEndpoints(result.Document.Servers ?? [], problems);

        // One example name for several codes (examples written per operation by others): each constant gets its code in its name.
        var ambiguous = errorCodes.GroupBy(e => e.Name).Where(g => g.Select(e => e.Code).Distinct().Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var codes = errorCodes.Select(e => ambiguous.Contains(e.Name) ? e with { Name = e.Name + "_" + string.Concat(e.Code.Where(char.IsAsciiLetterOrDigit)) } : e);
        var knownValues = ReadKnownValues(result.Document, problems);
        return new Contract(result.Document, operations, codes.DistinctBy(e => e.Name).OrderBy(e => e.Code, StringComparer.Ordinal).ToList(), endpoints, knownValues, problems);
    }

    /// <summary>How a success answer is read: <c>null</c> as its schema says, <c>ignored</c> (not read) or <c>optional</c> (may be empty or not JSON).</summary>
    public static string? AnswerKind(IOpenApiResponse response, string location, List<string>? problems = null)
    {
        if (response.Extensions?.TryGetValue(AnswerExtension, out var kind) != true)
        {
            return null;
        }

        var value = kind is JsonNodeExtension { Node: var node } ? node.ToString() : null;
        if (value is "ignored" or "optional")
        {
            return value;
        }

        problems?.Add($"{location}.{AnswerExtension}: \"{value}\" is neither ignored nor optional");
        return null;
    }

    /// <summary>
    /// The documented hosts with a fixed absolute URL, named by <c>x-fleetgen-preset</c> or, in a contract without it,
    /// <c>Default</c> (one server) or <c>Server1</c>, <c>Server2</c>…; a URL with variables or a relative one has no constant.
    /// </summary>
    private static List<Endpoint> ReadEndpoints(IList<OpenApiServer> servers, List<string> problems)
    {
        var endpoints = new List<Endpoint>();
        for (var i = 0; i < servers.Count; i++)
        {
            var server = servers[i];
            string name;
            if (server.Extensions?.TryGetValue(PresetExtension, out var preset) == true)
            {
                if (preset is not JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue node } || !node.TryGetValue<string>(out var named) || !Names.IsIdentifier(named))
                {
                    problems.Add($"servers[{i}].{PresetExtension}: must be a C# identifier");
                    continue;
                }

                name = named;
            }
            else
            {
                name = servers.Count == 1 ? "Default" : $"Server{i + 1}";
            }

            if (Uri.TryCreate(server.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && !server.Url!.Contains('{'))
            {
                endpoints.Add(new Endpoint(name, server.Url!, server.Description ?? string.Empty));
            }
        }

        foreach (var clash in endpoints.GroupBy(e => e.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"servers: the host name {clash.Key} is given more than once");
        }

        return endpoints;
    }

    private static List<KnownValues> ReadKnownValues(OpenApiDocument document, List<string> problems)
    {
        var found = new List<KnownValues>();
        foreach (var (schemaName, schema) in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            foreach (var (propertyName, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var location = $"components.schemas.{schemaName}.properties.{propertyName}.{KnownValuesExtension}";
                if (property.Extensions?.TryGetValue(KnownValuesExtension, out var extension) != true)
                {
                    continue;
                }

                if (extension is not JsonNodeExtension { Node: System.Text.Json.Nodes.JsonObject classes })
                {
                    problems.Add($"{location}: must map a class name to a list of values");
                    continue;
                }

                foreach (var (className, values) in classes)
                {
                    var list = (values as System.Text.Json.Nodes.JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToList();
                    if (list is null || list.Count == 0 || list.Any(v => !System.Text.RegularExpressions.Regex.IsMatch(v, "^[A-Za-z][A-Za-z0-9]*$")))
                    {
                        problems.Add($"{location}.{className}: must list values that are C# identifiers");
                        continue;
                    }

                    found.Add(new KnownValues(className, $"{schemaName}.{propertyName}", list, location));
                }
            }
        }

        var merged = new List<KnownValues>();
        foreach (var named in found.GroupBy(k => k.ClassName))
        {
            if (named.Skip(1).Any(k => !k.Values.SequenceEqual(named.First().Values, StringComparer.Ordinal)))
            {
                problems.Add($"{string.Join(", ", named.Select(k => k.Location))}: the class name {named.Key} is given more than once with different values");
                continue;
            }

            merged.Add(named.First() with { Property = string.Join(", ", named.Select(k => k.Property)) });
        }

        return merged;
    }

    private static Operation? ReadOperation(string template, HttpMethod method, IOpenApiPathItem pathItem, OpenApiOperation operation, string location, List<string> problems)
    {
        var operationId = string.IsNullOrEmpty(operation.OperationId) ? Names.OperationId(method.Method, template) : operation.OperationId;
        var declared = new List<IOpenApiParameter>();
        foreach (var parameter in (pathItem.Parameters ?? []).Concat(operation.Parameters ?? []))
        {
            declared.RemoveAll(p => p.Name == parameter.Name && p.In == parameter.In);
            declared.Add(parameter);
        }

        var parameters = new List<Parameter>();
        foreach (var parameter in declared)
        {
            var where = $"{location}.parameters[{parameter.Name}]";
            if (parameter.In is not (ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header))
            {
                problems.Add($"{where}: {parameter.In?.ToString().ToLowerInvariant()} parameters are not supported");
                continue;
            }

            if (parameter.Schema is null)
            {
                problems.Add($"{where}: the parameter has no schema");
                continue;
            }

            if (parameter.In == ParameterLocation.Header && CredentialHeaders.Contains(parameter.Name!))
            {
                continue;
            }

            var clrName = parameter.Extensions?.TryGetValue(NameExtension, out var alias) == true && alias is JsonNodeExtension { Node: var node }
                ? node.GetValue<string>()
                : parameter.Name!;
            parameters.Add(new Parameter(parameter.Name!, parameter.In.ToString()!.ToLowerInvariant(), parameter.Required || parameter.In == ParameterLocation.Path,
                parameter.Description, parameter.Schema, Names.Parameter(clrName), where)
            {
                Example = parameter.Example ?? parameter.Examples?.Values.FirstOrDefault()?.Value,
                Explode = parameter.Explode,
            });
        }

        var ordered = Names.Distinct(parameters.Where(p => p.In == "path").Concat(parameters.Where(p => p.In == "query")).Concat(parameters.Where(p => p.In == "header")).ToList());

        foreach (var name in System.Text.RegularExpressions.Regex.Matches(template, "{([^}]+)}").Select(m => m.Groups[1].Value))
        {
            if (!ordered.Any(p => p.In == "path" && p.Name == name))
            {
                problems.Add($"{location}: the path parameter {name} is not declared");
            }
        }

        var (bodyKind, body) = RequestBodies.Read(operation.RequestBody, $"{location}.requestBody", problems);
        var successes = RequestBodies.Successes(operation.Responses);
        var answerKinds = successes.Select(r => AnswerKind(r.Value, $"{location}.responses.{r.Key}", problems)).ToList();
        bool? marked = operation.Extensions?.TryGetValue(IdempotentExtension, out var flag) == true && flag is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<bool>(out var given) ? given : null;
        return new Operation(
            operationId,
            method.Method.ToUpperInvariant(),
            template,
            operation.Summary,
            operation.Description,
            ordered,
            body,
            operation.RequestBody?.Required == true,
            operation.RequestBody?.Description ?? (body as OpenApiSchemaReference)?.Target?.Description ?? body?.Description,
            successes.Count > 0 && successes.All(r => r.Value.Content is { Count: > 0 }) && answerKinds.All(k => k is null),
            marked ?? method.Method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS",
            location)
        {
            BodyKind = bodyKind,
            Deprecated = operation.Deprecated,
            Tag = operation.Tags?.FirstOrDefault()?.Name is { Length: > 0 } tag ? tag : null,
        };
    }

    /// <summary>
    /// The named examples of error answers that carry an <c>error_code</c>, as constants. An example may be any JSON:
    /// a code or message that is a number is read as its text, an example that is not an object has no code.
    /// </summary>
    private static IEnumerable<ErrorCode> ReadErrorCodes(OpenApiOperation operation)
    {
        foreach (var (status, response) in (operation.Responses ?? []).Where(r => r.Key[0] is '4' or '5'))
        {
            if (response.Content is null || !response.Content.TryGetValue("application/json", out var error) || error.Examples is null)
            {
                continue;
            }

            foreach (var (name, example) in error.Examples)
            {
                if (example.Value is JsonObject fields && Text(fields["error_code"]) is { Length: > 0 } code)
                {
                    yield return new ErrorCode(Names.Method(name), code, status, Text(fields["error_msg"]) ?? string.Empty);
                }
            }
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}
