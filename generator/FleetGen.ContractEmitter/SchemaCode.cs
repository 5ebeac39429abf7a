using System.Globalization;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes schemas of the contract as <c>ContractSchema</c> initializers: the rules a client checks before sending. Named
/// schemas become fields that references point to, so recursive schemas work. A construct the validator cannot check
/// is a problem naming its place, never silently skipped; a format no standard defines is an annotation, reported as
/// a warning (<see cref="FormatWarnings"/>).
/// </summary>
internal sealed class SchemaCode(List<string> problems, OpenApiDocument? document = null)
{
    /// <summary>The formats the validator checks: those JSON Schema defines, and OpenAPI's int32, int64 and byte.</summary>
    public static readonly IReadOnlySet<string> CheckedFormats = new HashSet<string>(StringComparer.Ordinal)
    {
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "relative-json-pointer",
        "regex", "int32", "int64", "byte",
    };

    /// <summary>Formats OpenAPI defines that say how a value is represented, with nothing to check (a double is any number).</summary>
    private static readonly IReadOnlySet<string> AnnotationFormats = new HashSet<string>(StringComparer.Ordinal) { "float", "double", "binary", "password" };

    private readonly Dictionary<string, string> fields = new(StringComparer.Ordinal);
    private readonly List<(string Field, string Code)> named = [];
    private readonly Stack<int> writing = new();
    private readonly SortedDictionary<string, List<string>> unknownFormats = new(StringComparer.Ordinal);

    /// <summary>The named schemas used so far, as static fields.</summary>
    public IEnumerable<(string Field, string Code)> NamedSchemas => named;

    /// <summary>One warning per format no standard defines, naming where it is used: such a format is not checked.</summary>
    public IEnumerable<string> FormatWarnings => unknownFormats.Select(f =>
        $"{f.Value[0]}: format \"{f.Key}\" is defined by neither JSON Schema nor OpenAPI, so it is an annotation and not checked" +
        (f.Value.Count > 1 ? $" (also at {string.Join(", ", f.Value.Skip(1).Take(4))}{(f.Value.Count > 5 ? $" and {f.Value.Count - 5} more places" : string.Empty)})" : string.Empty));

    public string Expression(IOpenApiSchema schema, string location)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return Reference(reference);
        }

        Unsupported(schema, location);
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

        AddFormat(members, schema.Format, location);
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
        if (schema.MultipleOf is { } multipleOf)
        {
            if (multipleOf <= 0)
            {
                problems.Add($"{location}.multipleOf: {multipleOf.ToString(CultureInfo.InvariantCulture)} must be greater than 0");
            }

            members.Add($"MultipleOf = {multipleOf.ToString(CultureInfo.InvariantCulture)}m");
        }

        Add(members, "MinItems", schema.MinItems);
        Add(members, "MaxItems", schema.MaxItems);
        if (schema.UniqueItems == true)
        {
            members.Add("UniqueItems = true");
        }

        if (schema.Items is { } items)
        {
            members.Add($"Items = {Expression(items, location + ".items")}");
        }

        Add(members, "MinProperties", schema.MinProperties);
        Add(members, "MaxProperties", schema.MaxProperties);
        if (schema.Properties is { Count: > 0 } properties)
        {
            var entries = properties.Select(p => $"[{Literal(p.Key)}] = {Expression(p.Value, $"{location}.properties.{p.Key}")}");
            members.Add($"Properties = new global::System.Collections.Generic.Dictionary<string, ContractSchema> {{ {string.Join(", ", entries)} }}");
        }

        // A readOnly property is set by the service: the client leaves it out of a request, so it is never required there.
        var readOnly = (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => p.Value.ReadOnly).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (schema.Required?.Where(r => !readOnly.Contains(r)).ToList() is { Count: > 0 } required)
        {
            members.Add($"Required = [{string.Join(", ", required.Select(Literal))}]");
        }

        if (schema.ReadOnly)
        {
            members.Add("ReadOnly = true");
        }

        if (schema.AdditionalProperties is { } additional)
        {
            members.Add($"AdditionalProperties = {Expression(additional, location + ".additionalProperties")}");
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            members.Add("Closed = true");
        }

        Composition(members, "AllOf", schema.AllOf, location, "allOf");
        Composition(members, "AnyOf", schema.AnyOf, location, "anyOf");
        Composition(members, "OneOf", schema.OneOf, location, "oneOf");
        if (schema.Not is { } not)
        {
            members.Add($"Not = {Expression(not, location + ".not")}");
        }

        if (schema.Discriminator is { PropertyName: { Length: > 0 } property } discriminator)
        {
            Discriminator(members, schema, property, discriminator, location);
        }

        return members.Count == 0 ? "new ContractSchema()" : $"new ContractSchema {{ {string.Join(", ", members)} }}";
    }

    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private string Reference(OpenApiSchemaReference reference)
    {
        var id = reference.Reference.Id!;
        if (reference.Target is null)
        {
            problems.Add($"components.schemas.{id}: the reference {reference.Reference.ReferenceV3} points to no schema");
            return "new ContractSchema()";
        }

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
            writing.Push(index);
            named[index] = (field, Expression(reference.Target, $"components.schemas.{id}"));
            writing.Pop();
        }

        // A field declared at or after the one being initialized is not yet set there, for the compiler: it is when the reference is followed.
        var forward = writing.Count > 0 && named.FindIndex(n => n.Field == field) >= writing.Peek();
        return $"new ContractSchema {{ Reference = static () => {field}{(forward ? "!" : string.Empty)} }}";
    }

    /// <summary>Keywords of JSON Schema 2020-12 (OpenAPI 3.1) the validator does not check: the build fails naming them.</summary>
    private void Unsupported(IOpenApiSchema schema, string location)
    {
        foreach (var (keyword, present) in new[]
        {
            ("const", schema.Const is not null), ("patternProperties", schema.PatternProperties is { Count: > 0 }),
            ("dependentRequired", schema.DependentRequired is { Count: > 0 }), ("unevaluatedProperties", !schema.UnevaluatedProperties),
            ("$dynamicRef", schema.DynamicRef is not null),
        })
        {
            if (present)
            {
                problems.Add($"{location}.{keyword}: the keyword is not supported by FleetGen's validator");
            }
        }
    }

    private void Composition(List<string> members, string member, IList<IOpenApiSchema>? branches, string location, string keyword)
    {
        if (branches is { Count: > 0 })
        {
            members.Add($"{member} = [{string.Join(", ", branches.Select((s, i) => Expression(s, $"{location}.{keyword}[{i}]")))}]");
        }
    }

    /// <summary>
    /// The discriminator's values and the schema each selects: the explicit mapping, then each referenced oneOf/anyOf
    /// branch by its schema name, then (for inheritance) each named schema whose allOf refers to this one.
    /// </summary>
    private void Discriminator(List<string> members, IOpenApiSchema schema, string property, OpenApiDiscriminator discriminator, string location)
    {
        var mapping = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (value, target) in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            mapping[value] = target;
        }

        var self = (schema as OpenApiSchemaReference)?.Reference.Id ?? document?.Components?.Schemas?.FirstOrDefault(s => ReferenceEquals(s.Value, schema)).Key;
        var branches = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).OfType<OpenApiSchemaReference>().ToList();
        if (branches.Count == 0 && self is not null)
        {
            branches = (document?.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
                .Where(s => s.Value.AllOf?.OfType<OpenApiSchemaReference>().Any(r => r.Reference.Id == self) == true)
                .Select(s => new OpenApiSchemaReference(s.Key, document))
                .ToList();
        }

        foreach (var branch in branches)
        {
            var id = branch.Reference.Id!;
            if (!mapping.Values.OfType<OpenApiSchemaReference>().Any(r => r.Reference.Id == id))
            {
                mapping.TryAdd(id, branch);
            }
        }

        if (mapping.Count == 0)
        {
            problems.Add($"{location}.discriminator: the discriminator {property} maps no value to a schema (no mapping, no referenced oneOf/anyOf branch, no schema deriving by allOf)");
            return;
        }

        var entries = mapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"[{Literal(m.Key)}] = {Expression(m.Value, $"{location}.discriminator.mapping.{m.Key}")}");
        members.Add($"Discriminator = {Literal(property)}");
        members.Add($"Mapping = new global::System.Collections.Generic.Dictionary<string, ContractSchema> {{ {string.Join(", ", entries)} }}");
    }

    private void AddFormat(List<string> members, string? format, string location)
    {
        if (string.IsNullOrEmpty(format) || AnnotationFormats.Contains(format))
        {
            return;
        }

        if (CheckedFormats.Contains(format))
        {
            members.Add($"Format = {Literal(format)}");
            return;
        }

        if (!unknownFormats.TryGetValue(format, out var places))
        {
            unknownFormats[format] = places = [];
        }

        places.Add(location);
    }

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
