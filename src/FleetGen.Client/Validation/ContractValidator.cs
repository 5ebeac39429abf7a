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

    public static void Check(JsonNode? value, ContractSchema schema, string path, bool required, List<ContractViolation> violations)
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
                CheckNumber(NumberOf(value), schema, path, violations);
                break;
            case JsonValueKind.Array:
                CheckArray(value.AsArray(), schema, path, violations);
                break;
            case JsonValueKind.Object:
                CheckObject(value.AsObject(), schema, path, violations);
                break;
        }

        if (schema.OneOf is { Count: > 0 } branches)
        {
            var matching = branches.Count(b =>
            {
                var trial = new List<ContractViolation>();
                Check(value, b, path, required, trial);
                return trial.Count == 0;
            });
            if (matching != 1)
            {
                violations.Add(new ContractViolation(path, Text(value), matching == 0 ? "must match one of the contract's oneOf schemas" : "matches more than one of the contract's oneOf schemas"));
            }
        }
    }

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
    }

    private static void CheckNumber(double number, ContractSchema schema, string path, List<ContractViolation> violations)
    {
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

        if (rule is not null)
        {
            violations.Add(new ContractViolation(path, Number(number), rule));
        }
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
