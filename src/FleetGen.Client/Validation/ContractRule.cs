using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetGen.Client.Validation;

/// <summary>The checks that the rules emitted from the contract are made of; the list is created at the first violation.</summary>
public static class ContractRule
{
    /// <summary>A required field is present (and, for text, not blank: an id made only of whitespace is never meant).</summary>
    public static void Required(ref List<ContractViolation>? violations, string field, object? value)
    {
        if (value is null)
        {
            Add(ref violations, new ContractViolation(field, null, "is required"));
        }
        else if (value is string { Length: > 0 } text && string.IsNullOrWhiteSpace(text))
        {
            Add(ref violations, new ContractViolation(field, text, "must not be only whitespace"));
        }
    }

    /// <summary>Text, when present, has a length within the contract's bounds.</summary>
    public static void Length(ref List<ContractViolation>? violations, string field, string? value, int? minLength, int? maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < minLength)
        {
            Add(ref violations, new ContractViolation(field, value, minLength == 1 ? "must not be empty" : $"must have at least {minLength} characters"));
        }
        else if (value.Length > maxLength)
        {
            Add(ref violations, new ContractViolation(field, value, $"must have at most {maxLength} characters"));
        }
    }

    /// <summary>A number, when present, lies within the contract's minimum and maximum (both inclusive).</summary>
    public static void Range(ref List<ContractViolation>? violations, string field, double? value, double? minimum, double? maximum)
    {
        if (value is not { } number || (number >= (minimum ?? double.MinValue) && number <= (maximum ?? double.MaxValue)))
        {
            return;
        }

        var rule = (minimum, maximum) switch
        {
            ({ } min, { } max) => $"must be between {Text(min)} and {Text(max)}",
            ({ } min, null) => $"must be at least {Text(min)}",
            (null, { } max) => $"must be at most {Text(max)}",
            _ => "is out of range",
        };
        Add(ref violations, new ContractViolation(field, Text(number), rule));
    }

    /// <summary>Text, when present, matches the contract's pattern.</summary>
    public static void Pattern(ref List<ContractViolation>? violations, string field, string? value, string pattern)
    {
        if (value is not null && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Add(ref violations, new ContractViolation(field, value, $"must match the pattern {pattern}"));
        }
    }

    /// <summary>
    /// A path parameter can travel as one path segment: every character is percent-encoded except "." and ".."
    /// alone, which URL normalization removes and which would therefore change the route.
    /// </summary>
    public static void SinglePathSegment(ref List<ContractViolation>? violations, string field, string? value)
    {
        if (value is "." or "..")
        {
            Add(ref violations, new ContractViolation(field, value, "cannot be sent: a path segment of only dots is removed by URL normalization and would change the route"));
        }
    }

    private static void Add(ref List<ContractViolation>? violations, ContractViolation violation) => (violations ??= []).Add(violation);

    private static string Text(double number) => number.ToString(CultureInfo.InvariantCulture);
}
