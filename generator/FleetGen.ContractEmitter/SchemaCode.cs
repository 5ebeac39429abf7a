using System.Globalization;
using System.Text;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes schemas of the contract as <c>ContractSchema</c> initializers: the rules a client checks before sending. Named
/// schemas become fields that references point to, so recursive schemas work. A construct the validator cannot check
/// is a problem naming its place, never silently skipped.
/// </summary>
internal sealed class SchemaCode(List<string> problems)
{
    private readonly Dictionary<string, string> fields = new(StringComparer.Ordinal);
    private readonly List<(string Field, string Code)> named = [];

    /// <summary>The named schemas used so far, as static fields.</summary>
    public IEnumerable<(string Field, string Code)> NamedSchemas => named;

    public string Expression(IOpenApiSchema schema, string location)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference.Id!;
            if (!fields.TryGetValue(id, out var field))
            {
                field = "Schema" + string.Concat(id.Where(char.IsAsciiLetterOrDigit));
                while (fields.ContainsValue(field))
                {
                    field += "_";
                }

                fields.Add(id, field);
                var index = named.Count;
                named.Add((field, string.Empty));
                named[index] = (field, Expression(reference.Target!, $"components.schemas.{id}"));
            }

            return $"new ContractSchema {{ Reference = static () => {field} }}";
        }

        foreach (var unsupported in new[] { ("allOf", schema.AllOf?.Count > 0), ("anyOf", schema.AnyOf?.Count > 0), ("not", schema.Not is not null) })
        {
            if (unsupported.Item2)
            {
                problems.Add($"{location}: {unsupported.Item1} is not supported (oneOf is)");
            }
        }

        var members = new List<string>();
        if (Types(schema.Type) is { } types)
        {
            members.Add($"Type = {types}");
        }

        Add(members, "MinLength", schema.MinLength);
        Add(members, "MaxLength", schema.MaxLength);
        if (schema.Pattern is { } pattern)
        {
            members.Add($"Pattern = @\"{pattern.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            members.Add($"Enum = [{string.Join(", ", values.Select(v => Literal(v?.ToJsonString() ?? "null")))}]");
        }

        var exclusiveMinimum = schema.ExclusiveMinimum;
        var exclusiveMaximum = schema.ExclusiveMaximum;
        AddNumber(members, "Minimum", exclusiveMinimum is null ? schema.Minimum : null, location);
        AddNumber(members, "Maximum", exclusiveMaximum is null ? schema.Maximum : null, location);
        AddNumber(members, "ExclusiveMinimum", exclusiveMinimum, location);
        AddNumber(members, "ExclusiveMaximum", exclusiveMaximum, location);
        Add(members, "MinItems", schema.MinItems);
        Add(members, "MaxItems", schema.MaxItems);
        if (schema.Items is { } items)
        {
            members.Add($"Items = {Expression(items, location + ".items")}");
        }

        if (schema.Properties is { Count: > 0 } properties)
        {
            var entries = properties.Select(p => $"[{Literal(p.Key)}] = {Expression(p.Value, $"{location}.properties.{p.Key}")}");
            members.Add($"Properties = new global::System.Collections.Generic.Dictionary<string, ContractSchema> {{ {string.Join(", ", entries)} }}");
        }

        if (schema.Required is { Count: > 0 } required)
        {
            members.Add($"Required = [{string.Join(", ", required.Select(Literal))}]");
        }

        if (schema.AdditionalProperties is { } additional)
        {
            members.Add($"AdditionalProperties = {Expression(additional, location + ".additionalProperties")}");
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            members.Add($"OneOf = [{string.Join(", ", oneOf.Select((s, i) => Expression(s, $"{location}.oneOf[{i}]")))}]");
        }

        return members.Count == 0 ? "new ContractSchema()" : $"new ContractSchema {{ {string.Join(", ", members)} }}";
    }

    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private static string? Types(JsonSchemaType? type)
    {
        if (type is not { } flags)
        {
            return null;
        }

        var names = new[]
        {
            (JsonSchemaType.String, "String"), (JsonSchemaType.Integer, "Integer"), (JsonSchemaType.Number, "Number"),
            (JsonSchemaType.Boolean, "Boolean"), (JsonSchemaType.Array, "Array"), (JsonSchemaType.Object, "Object"), (JsonSchemaType.Null, "Null"),
        }.Where(t => flags.HasFlag(t.Item1)).Select(t => "ContractTypes." + t.Item2).ToList();
        return names.Count == 0 ? null : string.Join(" | ", names);
    }

    private static void Add(List<string> members, string name, int? value)
    {
        if (value is { } number)
        {
            members.Add($"{name} = {number.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void AddNumber(List<string> members, string name, string? value, string location)
    {
        if (value is null)
        {
            return;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            problems.Add($"{location}: {name} {value} is not a number");
            return;
        }

        members.Add($"{name} = {number.ToString("R", CultureInfo.InvariantCulture)}d");
    }
}
