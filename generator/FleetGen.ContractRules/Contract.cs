using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FleetGen.ContractRules;

/// <summary>A constraint of one property or parameter, as the contract states it.</summary>
internal sealed record Constraint(string JsonName, JsonSchemaType Type, bool Required, string? Minimum, string? Maximum, int? MinLength, int? MaxLength, string? Pattern);

/// <summary>The request body of an operation and its constrained properties.</summary>
internal sealed record BodyRules(string SchemaName, IReadOnlyList<Constraint> Properties);

/// <summary>The path parameters and the body of one operation.</summary>
internal sealed record OperationRules(string OperationId, IReadOnlyList<Constraint> PathParameters, BodyRules? Body)
{
    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The path template, with <c>{name}</c> for each path parameter.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The media types of the operation's responses, as the Accept header lists them.</summary>
    public IReadOnlyList<string> ResponseMediaTypes { get; init; } = [];
}

/// <summary>A documented error: a named example of an error response.</summary>
internal sealed record ErrorCode(string Name, string Code, string Status, string Message);

/// <summary>A documented host, named by the server's <c>x-fleetgen-preset</c> extension.</summary>
internal sealed record Endpoint(string Name, string Url, string Description);

/// <summary>A JSON property of a model, as Kiota names and types it.</summary>
internal sealed record ModelProperty(string JsonName, string Member, JsonSchemaType Type, string? Format, string? Reference, JsonSchemaType? ItemType, string? ItemReference);

/// <summary>An object schema that Kiota generates a model class for.</summary>
internal sealed record Model(string Name, IReadOnlyList<ModelProperty> Properties);

/// <summary>The constraints of the contract that a client must enforce before sending, its documented error codes and hosts, and the models of its bodies.</summary>
internal sealed record Contract(IReadOnlyList<OperationRules> Operations, IReadOnlyList<ErrorCode> ErrorCodes, IReadOnlyList<Endpoint> Endpoints, IReadOnlyList<string> Problems)
{
    /// <summary>The models of success responses (read fast) and their nested models.</summary>
    public IReadOnlyList<Model> ResponseModels { get; init; } = [];

    /// <summary>The models of request bodies (written fast).</summary>
    public IReadOnlyList<Model> RequestModels { get; init; } = [];

    private const string PresetExtension = "x-fleetgen-preset";

    public static async Task<Contract> LoadAsync(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(path);
        var result = await OpenApiDocument.LoadAsync(stream, "yaml", settings);
        var problems = result.Diagnostic?.Errors.Select(e => e.ToString()).ToList() ?? [];
        if (result.Document is null || problems.Count > 0)
        {
            return new Contract([], [], [], problems.Count > 0 ? problems : ["the contract did not load"]);
        }

        var operations = new List<OperationRules>();
        var errorCodes = new List<ErrorCode>();
        var responseModels = new Dictionary<string, Model>(StringComparer.Ordinal);
        var requestModels = new Dictionary<string, Model>(StringComparer.Ordinal);
        foreach (var (template, pathItem) in result.Document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in (pathItem.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).OrderBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                if (string.IsNullOrEmpty(operation.OperationId))
                {
                    problems.Add("an operation has no operationId");
                    continue;
                }

                var pathParameters = (pathItem.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Where(p => p.In == ParameterLocation.Path && p.Schema is not null)
                    .Select(p => ToConstraint(p.Name!, p.Schema!, p.Required))
                    .ToList();
                BodyRules? body = null;
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true
                    && media.Schema is OpenApiSchemaReference reference)
                {
                    var schema = reference.Target!;
                    var required = schema.Required ?? new HashSet<string>();
                    body = new BodyRules(
                        reference.Reference.Id!,
                        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                            .Select(p => ToConstraint(p.Key, p.Value, required.Contains(p.Key)))
                            .ToList());
                }

                operations.Add(new OperationRules(operation.OperationId, pathParameters, body)
                {
                    Method = method.Method.ToUpperInvariant(),
                    Path = template,
                    ResponseMediaTypes = (operation.Responses ?? []).Values
                        .SelectMany(r => r.Content?.Keys ?? Enumerable.Empty<string>())
                        .Distinct(StringComparer.OrdinalIgnoreCase)
                        .ToList(),
                });
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var requestMedia) == true && requestMedia.Schema is OpenApiSchemaReference requestReference)
                {
                    requestModels.TryAdd(requestReference.Reference.Id!, ToModel(requestReference.Reference.Id!, requestReference.Target!));
                }

                foreach (var (status, success) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')))
                {
                    if (success.Content?.TryGetValue("application/json", out var responseMedia) == true && responseMedia.Schema is OpenApiSchemaReference responseReference)
                    {
                        AddModelTree(responseReference, responseModels);
                    }
                }
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (response.Content is null || !response.Content.TryGetValue("application/json", out var error) || error.Examples is null)
                    {
                        continue;
                    }

                    foreach (var (name, example) in error.Examples)
                    {
                        if (example.Value?["error_code"]?.GetValue<string>() is { } code)
                        {
                            errorCodes.Add(new ErrorCode(name, code, status, example.Value["error_msg"]?.GetValue<string>() ?? string.Empty));
                        }
                    }
                }
            }
        }

        var endpoints = new List<Endpoint>();
        foreach (var server in result.Document.Servers ?? [])
        {
            if (server.Extensions?.TryGetValue(PresetExtension, out var preset) == true && preset is JsonNodeExtension { Node: var node } && node.GetValue<string>() is { Length: > 0 } name)
            {
                endpoints.Add(new Endpoint(name, server.Url!, server.Description ?? string.Empty));
            }
            else
            {
                problems.Add($"the server {server.Url} has no {PresetExtension} name");
            }
        }

        var clashes = errorCodes.GroupBy(e => e.Name).Where(g => g.Select(e => e.Code).Distinct().Count() > 1).Select(g => $"the error example name {g.Key} stands for more than one error code");
        problems.AddRange(clashes);
        return new Contract(operations, errorCodes.DistinctBy(e => e.Name).OrderBy(e => e.Code, StringComparer.Ordinal).ToList(), endpoints, problems)
        {
            ResponseModels = [.. responseModels.Values],
            RequestModels = [.. requestModels.Values],
        };
    }

    private static void AddModelTree(OpenApiSchemaReference reference, Dictionary<string, Model> models)
    {
        var name = reference.Reference.Id!;
        if (models.ContainsKey(name))
        {
            return;
        }

        var model = ToModel(name, reference.Target!);
        models.Add(name, model);
        foreach (var property in reference.Target!.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property.Value is OpenApiSchemaReference nested)
            {
                AddModelTree(nested, models);
            }
            else if (property.Value.Items is OpenApiSchemaReference item)
            {
                AddModelTree(item, models);
            }
        }
    }

    private static Model ToModel(string name, IOpenApiSchema schema) => new(name, (schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        .Select(p => new ModelProperty(
            p.Key,
            RulesEmitter.PascalCase(p.Key),
            p.Value is OpenApiSchemaReference ? JsonSchemaType.Object : p.Value.Type ?? JsonSchemaType.Object,
            p.Value.Format,
            (p.Value as OpenApiSchemaReference)?.Reference.Id,
            p.Value.Items?.Type,
            (p.Value.Items as OpenApiSchemaReference)?.Reference.Id))
        .ToList());

    private static Constraint ToConstraint(string name, IOpenApiSchema schema, bool required) =>
        new(name, schema.Type ?? JsonSchemaType.Object, required, schema.Minimum, schema.Maximum, schema.MinLength, schema.MaxLength, schema.Pattern);
}
