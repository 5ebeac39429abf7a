using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FleetGen.Client.Validation;

/// <summary>
/// Checks a JSON value against a schema of the contract and names every broken rule by the JSON path of the field
/// (<c>clusters[0].name</c>), its value and the rule. It checks what goes on the wire: a body as Kiota serialized it,
/// a parameter as it will be sent.
/// </summary>
internal static class ContractValidator
{
    private const int MaxValueLength = 120;

    public static void Check(JsonNode? value, ContractSchema schema, string path, bool required, List<ContractViolation> violations) =>
        Check(value, schema, path, required, violations, dispatching: null);

    /// <summary>
    /// Takes the serialized properties the contract marks readOnly out of a request body (the service sets them);
    /// returns whether any was removed.
    /// </summary>
    public static bool RemoveReadOnly(JsonNode? value, ContractSchema schema, int depth = 0)
    {
        schema = schema.Resolved();
        if (value is null || depth > 64)
        {
            return false;
        }

        var removed = false;
        if (value is JsonObject properties)
        {
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, ContractSchema>())
            {
                if (properties[name] is var child && properties.ContainsKey(name))
                {
                    removed |= property.Resolved().ReadOnly ? properties.Remove(name) : RemoveReadOnly(child, property, depth + 1);
                }
            }

            if (schema.AdditionalProperties is { } additional)
            {
                foreach (var (name, child) in properties.Where(p => schema.Properties?.ContainsKey(p.Key) != true).ToList())
                {
                    removed |= RemoveReadOnly(child, additional, depth + 1);
                }
            }

            if (schema.Discriminator is { } discriminator && Selected(properties, schema, discriminator) is { } selected && selected.Resolved() != schema)
            {
                removed |= RemoveReadOnly(value, selected, depth + 1);
            }
        }
        else if (value is JsonArray items && schema.Items is { } itemSchema)
        {
            foreach (var item in items)
            {
                removed |= RemoveReadOnly(item, itemSchema, depth + 1);
            }
        }

        foreach (var branch in schema.AllOf ?? [])
        {
            removed |= RemoveReadOnly(value, branch, depth + 1);
        }

        return removed;
    }

    // dispatching: the schemas whose discriminator already selected the branch being checked for this value.
    private static void Check(JsonNode? value, ContractSchema schema, string path, bool required, List<ContractViolation> violations, HashSet<ContractSchema>? dispatching)
    {
        schema = schema.Resolved();
        if (value is null)
        {
            if (!schema.Type.HasFlag(ContractTypes.Null) && schema.Type != ContractTypes.Any)
            {
                violations.Add(new ContractViolation(path, null, "must not be null"));
            }

            return;
        }

        var kind = value.GetValueKind();
        if (!Allowed(schema, value, kind))
        {
            violations.Add(new ContractViolation(path, Text(value), $"must be {Describe(schema.Type)}"));
            return;
        }

        if (schema.Discriminator is { } discriminator && value is JsonObject polymorphic && dispatching?.Contains(schema) != true)
        {
            Dispatch(polymorphic, schema, discriminator, path, required, violations, dispatching);
            return;
        }

        if (schema.Enum is { } allowed && !allowed.Contains(value.ToJsonString(), StringComparer.Ordinal))
        {
            violations.Add(new ContractViolation(path, Text(value), $"must be one of {string.Join(", ", allowed)}"));
        }

        switch (kind)
        {
            case JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, path, required, violations);
                break;
            case JsonValueKind.Number:
                CheckNumber(value, schema, path, violations);
                break;
            case JsonValueKind.Array:
                CheckArray(value.AsArray(), schema, path, violations);
                break;
            case JsonValueKind.Object:
                CheckObject(value.AsObject(), schema, path, violations);
                break;
        }

        CheckComposition(value, schema, path, required, violations, dispatching);
    }

    private static void CheckComposition(JsonNode value, ContractSchema schema, string path, bool required, List<ContractViolation> violations, HashSet<ContractSchema>? dispatching)
    {
        foreach (var branch in schema.AllOf ?? [])
        {
            Check(value, branch, path, required, violations, dispatching);
        }

        if (schema.AnyOf is { Count: > 0 } anyOf && !anyOf.Any(b => Matches(value, b, path, required, dispatching)))
        {
            violations.Add(new ContractViolation(path, Text(value), "must match at least one of the contract's anyOf schemas"));
        }

        if (schema.OneOf is { Count: > 0 } branches)
        {
            var matching = branches.Count(b => Matches(value, b, path, required, dispatching));
            if (matching != 1)
            {
                violations.Add(new ContractViolation(path, Text(value), matching == 0 ? "must match one of the contract's oneOf schemas" : "matches more than one of the contract's oneOf schemas"));
            }
        }

        if (schema.Not is { } not && Matches(value, not, path, required, dispatching))
        {
            violations.Add(new ContractViolation(path, Text(value), "must not match the contract's not schema"));
        }
    }

    private static bool Matches(JsonNode value, ContractSchema schema, string path, bool required, HashSet<ContractSchema>? dispatching)
    {
        var trial = new List<ContractViolation>();
        Check(value, schema, path, required, trial, dispatching);
        return trial.Count == 0;
    }

    /// <summary>
    /// A value of a polymorphic schema is checked against the one schema its discriminator selects, so a body that
    /// would match several oneOf branches is not refused; the selected schema may derive from this one by allOf.
    /// </summary>
    private static void Dispatch(JsonObject value, ContractSchema schema, string discriminator, string path, bool required, List<ContractViolation> violations, HashSet<ContractSchema>? dispatching)
    {
        var field = Child(path, discriminator);
        if (value[discriminator] is not JsonValue tag || !tag.TryGetValue<string>(out var name))
        {
            violations.Add(new ContractViolation(field, value.ContainsKey(discriminator) ? Text(value[discriminator]!) : null, value.ContainsKey(discriminator) ? "must be a string" : "is required"));
            return;
        }

        if (schema.Mapping?.TryGetValue(name, out var selected) != true)
        {
            violations.Add(new ContractViolation(field, Cut(name), $"must be one of {string.Join(", ", schema.Mapping?.Keys ?? [])}"));
            return;
        }

        var inner = new HashSet<ContractSchema>(dispatching ?? []) { schema };
        Check(value, selected!, path, required, violations, inner);
    }

    private static ContractSchema? Selected(JsonObject value, ContractSchema schema, string discriminator) =>
        value[discriminator] is JsonValue tag && tag.TryGetValue<string>(out var name) && schema.Mapping?.TryGetValue(name, out var selected) == true ? selected : null;

    /// <summary>The path of a property below <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static bool Allowed(ContractSchema schema, JsonNode value, JsonValueKind kind)
    {
        var type = schema.Type;
        if (type == ContractTypes.Any)
        {
            return true;
        }

        return kind switch
        {
            JsonValueKind.String => type.HasFlag(ContractTypes.String),
            JsonValueKind.Number => type.HasFlag(ContractTypes.Number) || (type.HasFlag(ContractTypes.Integer) && IsInteger(value)),
            JsonValueKind.True or JsonValueKind.False => type.HasFlag(ContractTypes.Boolean),
            JsonValueKind.Array => type.HasFlag(ContractTypes.Array),
            JsonValueKind.Object => type.HasFlag(ContractTypes.Object),
            JsonValueKind.Null => type.HasFlag(ContractTypes.Null),
            _ => false,
        };
    }

    private static bool IsInteger(JsonNode value) => double.IsInteger(NumberOf(value));

    /// <summary>A number node as a double, whichever CLR type it was made from.</summary>
    private static double NumberOf(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void CheckString(string text, ContractSchema schema, string path, bool required, List<ContractViolation> violations)
    {
        if (text.Length < schema.MinLength)
        {
            violations.Add(new ContractViolation(path, Cut(text), schema.MinLength == 1 ? "must not be empty" : $"must have at least {schema.MinLength} characters"));
        }
        else if (text.Length > schema.MaxLength)
        {
            violations.Add(new ContractViolation(path, Cut(text), $"must have at most {schema.MaxLength} characters"));
        }
        else if (required && text.Length > 0 && string.IsNullOrWhiteSpace(text))
        {
            violations.Add(new ContractViolation(path, text, "must not be only whitespace"));
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            violations.Add(new ContractViolation(path, Cut(text), $"must match the pattern {pattern}"));
        }

        if (schema.Format is { } format && !ContractFormats.IsValid(format, text))
        {
            violations.Add(new ContractViolation(path, Cut(text), ContractFormats.Describe(format)));
        }
    }

    private static void CheckNumber(JsonNode value, ContractSchema schema, string path, List<ContractViolation> violations)
    {
        var number = NumberOf(value);
        string? rule = null;
        if (number < schema.Minimum || number > schema.Maximum)
        {
            rule = (schema.Minimum, schema.Maximum) switch
            {
                ({ } min, { } max) => $"must be between {Number(min)} and {Number(max)}",
                ({ } min, null) => $"must be at least {Number(min)}",
                (null, { } max) => $"must be at most {Number(max)}",
                _ => null,
            };
        }
        else if (number <= schema.ExclusiveMinimum)
        {
            rule = $"must be greater than {Number(schema.ExclusiveMinimum.Value)}";
        }
        else if (number >= schema.ExclusiveMaximum)
        {
            rule = $"must be less than {Number(schema.ExclusiveMaximum.Value)}";
        }

        else if (schema.MultipleOf is { } step && !IsMultiple(value, number, step))
        {
            rule = $"must be a multiple of {step.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (schema.Format is { } format && !ContractFormats.IsValid(format, number))
        {
            rule = ContractFormats.Describe(format);
        }

        if (rule is not null)
        {
            violations.Add(new ContractViolation(path, Number(number), rule));
        }
    }

    /// <summary>Exact in decimal where the value fits one (0.3 is a multiple of 0.1), within rounding in double beyond.</summary>
    private static bool IsMultiple(JsonNode value, double number, decimal step)
    {
        if (decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact % step == 0;
        }

        var quotient = number / (double)step;
        return Math.Abs(quotient - Math.Round(quotient)) <= 1e-9 * Math.Max(1, Math.Abs(quotient));
    }

    private static void CheckArray(JsonArray array, ContractSchema schema, string path, List<ContractViolation> violations)
    {
        if (array.Count < schema.MinItems)
        {
            violations.Add(new ContractViolation(path, $"{array.Count} items", schema.MinItems == 1 ? "must not be empty" : $"must have at least {schema.MinItems} items"));
        }
        else if (array.Count > schema.MaxItems)
        {
            violations.Add(new ContractViolation(path, $"{array.Count} items", $"must have at most {schema.MaxItems} items"));
        }

        if (schema.UniqueItems)
        {
            for (var i = 1; i < array.Count; i++)
            {
                if (Enumerable.Range(0, i).FirstOrDefault(j => JsonNode.DeepEquals(array[j], array[i]), -1) is var first and >= 0)
                {
                    violations.Add(new ContractViolation($"{path}[{i}]", array[i] is null ? "null" : Text(array[i]!), $"must not repeat {path}[{first}] (the items must be unique)"));
                }
            }
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", required: true, violations);
            }
        }
    }

    private static void CheckObject(JsonObject value, ContractSchema schema, string path, List<ContractViolation> violations)
    {
        if (value.Count < schema.MinProperties)
        {
            violations.Add(new ContractViolation(path, $"{value.Count} properties", $"must have at least {schema.MinProperties} properties"));
        }
        else if (value.Count > schema.MaxProperties)
        {
            violations.Add(new ContractViolation(path, $"{value.Count} properties", $"must have at most {schema.MaxProperties} properties"));
        }

        foreach (var name in schema.Required ?? [])
        {
            if (!value.ContainsKey(name))
            {
                violations.Add(new ContractViolation(Child(path, name), null, "is required"));
            }
        }

        foreach (var (name, property) in value)
        {
            var required = schema.Required?.Contains(name) == true;
            if (schema.Properties?.TryGetValue(name, out var propertySchema) == true)
            {
                Check(property, propertySchema, Child(path, name), required, violations);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(property, additional, Child(path, name), required, violations);
            }
            else if (schema.Closed)
            {
                violations.Add(new ContractViolation(Child(path, name), null, "is not a property the contract allows (additionalProperties: false)"));
            }
        }
    }

    private static string Describe(ContractTypes type) => string.Join(" or ", Enum.GetValues<ContractTypes>()
        .Where(t => t != ContractTypes.Any && type.HasFlag(t))
        .Select(t => t switch
        {
            ContractTypes.Integer => "an integer",
            ContractTypes.Array => "an array",
            ContractTypes.Object => "an object",
            ContractTypes.Null => "null",
            _ => "a " + t.ToString().ToLowerInvariant(),
        }));

    private static string Text(JsonNode value) => value.GetValueKind() == JsonValueKind.String ? Cut(value.GetValue<string>()) : Cut(value.ToJsonString());

    private static string Cut(string text) => text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";

    private static string Number(double number) => number.ToString(CultureInfo.InvariantCulture);
}
