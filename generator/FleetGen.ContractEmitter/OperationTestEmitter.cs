using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes the per-operation wire tests of the contract: for each operation (and each of its request examples) an xUnit
/// test that calls the façade with arguments taken from the contract's examples and checks the request the fake server
/// recorded against the contract (method, path, query, headers, body). One test class per façade group, named
/// <c>{Group}OperationWireTests</c>. The tests use the hand-written <c>OperationWireServer</c> fixture and
/// <c>OperationCall</c> of the test project. An operation that cannot be called from its examples is a warning naming
/// it, never a silent gap.
/// </summary>
internal static class OperationTestEmitter
{
    /// <summary>A valid UUID for a UUID-formatted value the contract gives no example of.</summary>
    private const string DerivedUuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public static string Emit(Contract contract, IReadOnlyList<KiotaBuilder> builders, string testNamespace, string specName, List<string> warnings)
    {
        var code = GeneratedFile.Start(specName, "System", "System.Threading", "System.Threading.Tasks", "FleetGen.Client", "Xunit");
        code.AppendLine($"namespace {testNamespace}")
            .AppendLine("{");
        var groups = contract.Operations.GroupBy(o => Names.Method(o.Tag ?? FacadeEmitter.DefaultGroup)).ToList();
        foreach (var group in groups)
        {
            var className = group.Key + "OperationWireTests";
            code.AppendLine($"    /// <summary>The operations of the façade group <c>{group.Key}</c>, each called with the contract's examples and checked on the wire.</summary>")
                .AppendLine($"    public sealed class {className}(OperationWireServer server) : IClassFixture<OperationWireServer>")
                .AppendLine("    {");
            var first = true;
            foreach (var operation in group)
            {
                foreach (var test in Tests(contract, operation, group.Key, builders, warnings))
                {
                    if (!first)
                    {
                        code.AppendLine();
                    }

                    first = false;
                    code.Append(test);
                }
            }

            code.AppendLine("    }");
            if (group != groups[^1])
            {
                code.AppendLine();
            }
        }

        return code.AppendLine("}").ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The test methods of one operation: one per request example (one in all when it has no body).</summary>
    private static IEnumerable<string> Tests(Contract contract, Operation operation, string group, IReadOnlyList<KiotaBuilder> builders, List<string> warnings)
    {
        var builder = builders.FirstOrDefault(b => b.Shape == KiotaOutput.Shape(operation.Path));
        var method = builder?.Methods.FirstOrDefault(m => m.HttpMethod == operation.Method);
        if (method is null)
        {
            warnings.Add($"{operation.Location}: {operation.OperationId} has no wire test: Kiota generated no request builder that sends {operation.Method} {operation.Path}");
            return [];
        }

        var source = Source(contract, operation);
        var statuses = RequestBodies.Successes(source?.Responses).Select(r => r.Key).ToList();
        var setup = new StringBuilder();
        var arguments = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var type = parameter.In == "query"
                ? method.QueryParameters.FirstOrDefault(q => q.Name == parameter.Name)?.Type.TrimEnd('?')
                : FacadeEmitter.ScalarType(parameter.Schema, parameter.Location, []);
            var value = parameter.Example ?? Derived(parameter.Schema);
            if (type is null || value is null || Argument(type, value) is not { } literal)
            {
                warnings.Add($"{parameter.Location}: {operation.OperationId} has no wire test: no value of type {type ?? "?"} can be taken from the parameter's example or derived from its schema");
                return [];
            }

            arguments.Add($"{parameter.ClrName}: {literal}");
            var texts = WireTexts(value);
            var expected = parameter.In == "query" && !parameter.Explode ? [string.Join(',', texts)] : texts;
            var kind = parameter.In switch { "path" => "Path", "query" => "Query", _ => "Header" };
            setup.AppendLine($"            call.{kind}({SchemaCode.Literal(parameter.Name)}, {string.Join(", ", expected.Select(SchemaCode.Literal))});");
        }

        var examples = new List<(string? Name, JsonNode? Value)> { (null, null) };
        if (method.BodyType is not null)
        {
            examples = BodyExamples(source);
            if (examples.Count == 0)
            {
                warnings.Add($"{operation.Location}.requestBody: {operation.OperationId} has no wire test: the request body has no example to send");
                return [];
            }

            arguments.Add("body: body");
        }

        arguments.Add("cancellationToken: cancellationToken");
        var name = Names.Method(operation.OperationId);
        var withResponse = method.SendMethod is not ("SendPrimitiveAsync" or "SendPrimitiveCollectionAsync");
        var call = $"client.{group}.{name}{(withResponse ? "WithResponse" : string.Empty)}Async({string.Join(", ", arguments)})";
        return examples.Select(example => Test(operation, name, example, method.BodyType, setup.ToString(), statuses, withResponse, call));
    }

    private static string Test(Operation operation, string name, (string? Name, JsonNode? Value) example, string? bodyType, string setup, List<string> statuses, bool withResponse, string call)
    {
        var testName = example.Name is null || !Names.IsIdentifier(Names.Method(example.Name)) ? name : $"{name}_{Names.Method(example.Name)}";
        var code = new StringBuilder()
            .AppendLine($"        /// <summary>{ContractEmitter.Xml(operation.OperationId)}: <c>{operation.Method} {ContractEmitter.Xml(operation.Path)}</c>{(example.Name is null ? string.Empty : $", request example {ContractEmitter.Xml(example.Name)}")}.</summary>")
            .AppendLine("        [Fact]")
            .AppendLine($"        public async Task {testName}()")
            .AppendLine("        {")
            .AppendLine($"            var call = new OperationCall({SchemaCode.Literal(operation.OperationId)}, {SchemaCode.Literal(operation.Method)}, {SchemaCode.Literal(operation.Path)}, [{string.Join(", ", statuses.Select(SchemaCode.Literal))}]);")
            .Append(setup);
        if (bodyType is not null)
        {
            // Kiota's model constructors set the contract's defaults, so the body also carries those the example leaves out.
            foreach (var (where, value) in Defaults(operation.Body, example.Value, "$").DistinctBy(d => d.Path))
            {
                code.AppendLine($"            call.DocumentedDefault({SchemaCode.Literal(where)}, {SchemaCode.Literal(value.ToJsonString())});");
            }

            var list = bodyType.StartsWith("List<", StringComparison.Ordinal) ? bodyType[5..^1] : null;
            var json = example.Value?.ToJsonString() ?? "null";
            code.AppendLine($"            var body = call.{(list is null ? "Body" : "BodyList")}({RawLiteral(json)}, {list ?? bodyType}.CreateFromDiscriminatorValue);");
        }

        var send = withResponse ? $"async (client, cancellationToken) => await {call}" : $"(client, cancellationToken) => {call}";
        if (operation.Deprecated)
        {
            code.AppendLine("#pragma warning disable CS0618 // The contract marks the operation deprecated; it is still tested.");
        }

        code.AppendLine($"            await server.CheckAsync(call, {send});");
        if (operation.Deprecated)
        {
            code.AppendLine("#pragma warning restore CS0618");
        }

        return code.AppendLine("        }")
            .ToString();
    }

    /// <summary>The properties with a default that the example leaves out, by JSON path, in every schema the example's values meet.</summary>
    private static IEnumerable<(string Path, JsonNode Value)> Defaults(IOpenApiSchema? schema, JsonNode? example, string path)
    {
        if (schema is null || example is null)
        {
            yield break;
        }

        foreach (var alternative in Alternatives(schema))
        {
            if (example is JsonArray items && alternative.Items is { } itemSchema)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var found in Defaults(itemSchema, items[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }
            }

            if (example is not JsonObject fields)
            {
                continue;
            }

            foreach (var (name, property) in alternative.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (fields.TryGetPropertyValue(name, out var value))
                {
                    foreach (var found in Defaults(property, value, $"{path}.{name}"))
                    {
                        yield return found;
                    }
                }
                else if (property.Default is { } given)
                {
                    yield return ($"{path}.{name}", given);
                }
            }
        }
    }

    /// <summary>A schema and every schema it is composed of (allOf, oneOf, anyOf), depth first.</summary>
    private static IEnumerable<IOpenApiSchema> Alternatives(IOpenApiSchema schema) =>
        new[] { schema }.Concat((schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).SelectMany(Alternatives));

    /// <summary>The operation as the contract document holds it (its request examples and responses).</summary>
    private static OpenApiOperation? Source(Contract contract, Operation operation) =>
        contract.Document.Paths.TryGetValue(operation.Path, out var path)
            ? path.Operations?.FirstOrDefault(o => o.Key.Method.Equals(operation.Method, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    /// <summary>The request examples of the JSON body: its named examples, else its single example.</summary>
    private static List<(string? Name, JsonNode? Value)> BodyExamples(OpenApiOperation? source)
    {
        var media = source?.RequestBody?.Content?.FirstOrDefault(c => c.Key.Split(';')[0].Trim() is "application/json" || c.Key.EndsWith("+json", StringComparison.Ordinal)).Value;
        if (media?.Examples is { Count: > 0 } named)
        {
            return named.Select(e => ((string?)e.Key, e.Value.Value)).Where(e => e.Value is not null).ToList();
        }

        var single = media?.Example ?? (media?.Schema is { } schema ? SchemaExample(schema) : null);
        return single is null ? [] : [(null, single)];
    }

    /// <summary>A value of a parameter without example, from its schema: its example, first enum value, default, else one that meets its bounds.</summary>
    private static JsonNode? Derived(IOpenApiSchema schema)
    {
        if ((SchemaExample(schema) ?? schema.Enum?.FirstOrDefault() ?? schema.Default) is { } given)
        {
            return given.DeepClone();
        }

        var type = (schema.Type ?? JsonSchemaType.String) & ~JsonSchemaType.Null;
        if (type == JsonSchemaType.Array)
        {
            return schema.Items is { } items && Derived(items) is { } item ? new JsonArray(item) : null;
        }

        return type switch
        {
            JsonSchemaType.Boolean => JsonValue.Create(true),
            JsonSchemaType.Integer or JsonSchemaType.Number => JsonValue.Create(decimal.Parse(schema.Minimum ?? "1", CultureInfo.InvariantCulture)),
            JsonSchemaType.String when schema.Format == "uuid" => JsonValue.Create(DerivedUuid),
            JsonSchemaType.String when schema.Format == "date-time" => JsonValue.Create("2024-01-31T12:00:00Z"),
            JsonSchemaType.String when schema.Pattern is null && (schema.MaxLength ?? int.MaxValue) >= (schema.MinLength ?? 0) =>
                JsonValue.Create(FitLength("fleetgen", schema.MinLength ?? 0, schema.MaxLength)),
            _ => null,
        };
    }

    /// <summary>The schema's example: <c>examples</c> (OpenAPI 3.1), else the <c>example</c> of OpenAPI 3.0 that the reader still fills.</summary>
    private static JsonNode? SchemaExample(IOpenApiSchema schema)
    {
#pragma warning disable CS0618 // An OpenAPI 3.0 contract has only example.
        return schema.Examples?.FirstOrDefault() ?? schema.Example;
#pragma warning restore CS0618
    }

    private static string FitLength(string text, int minLength, int? maxLength)
    {
        var fitted = text.PadRight(minLength, 'x');
        return maxLength is { } max && fitted.Length > max ? fitted[..max] : fitted;
    }

    /// <summary>The argument as a C# expression of the façade's parameter type, or <c>null</c> when the value does not fit it.</summary>
    private static string? Argument(string type, JsonNode value)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var items = (value as JsonArray)?.Select(i => i is null ? null : Argument(type[..^2], i)).ToList() ?? [Argument(type[..^2], value)];
            return items.Any(i => i is null) ? null : $"new {type} {{ {string.Join(", ", items)} }}";
        }

        if (value is not JsonValue scalar)
        {
            return null;
        }

        var text = Text(scalar);
        return type switch
        {
            "string" => SchemaCode.Literal(text),
            "bool" => scalar.TryGetValue<bool>(out var flag) ? (flag ? "true" : "false") : bool.TryParse(text, out var parsed) ? (parsed ? "true" : "false") : null,
            "int" or "long" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? text : null,
            "double" or "float" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text + (type == "float" ? "f" : "d") : null,
            "Guid" => Guid.TryParse(text, out _) ? $"global::System.Guid.Parse({SchemaCode.Literal(text)})" : null,
            "DateTimeOffset" => $"global::System.DateTimeOffset.Parse({SchemaCode.Literal(text)}, global::System.Globalization.CultureInfo.InvariantCulture)",
            _ when type.StartsWith("global::", StringComparison.Ordinal) => $"OperationArguments.Enum<{type}>({SchemaCode.Literal(text)})",
            _ => null,
        };
    }

    /// <summary>The value as text on the wire, one text per item of an array.</summary>
    private static List<string> WireTexts(JsonNode value) =>
        value is JsonArray items ? items.Where(i => i is JsonValue).Select(i => Text((JsonValue)i!)).ToList() : value is JsonValue scalar ? [Text(scalar)] : [];

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    /// <summary>A raw string literal holding <paramref name="text"/> (one line of JSON), with more quotes than any run inside it.</summary>
    private static string RawLiteral(string text)
    {
        if (text.StartsWith('"') || text.EndsWith('"'))
        {
            return SchemaCode.Literal(text);
        }

        var longest = 0;
        for (int i = 0, run = 0; i < text.Length; i++)
        {
            run = text[i] == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var quotes = new string('"', Math.Max(3, longest + 1));
        return quotes + text + quotes;
    }
}
