namespace FleetGen.Client.Validation;

/// <summary>The JSON types a schema allows; <see cref="Any"/> when it names none.</summary>
[Flags]
public enum ContractTypes
{
    /// <summary>No type named: any JSON value.</summary>
    Any = 0,
    /// <summary>A JSON string.</summary>
    String = 1,
    /// <summary>A JSON integer.</summary>
    Integer = 2,
    /// <summary>A JSON number.</summary>
    Number = 4,
    /// <summary>A JSON boolean.</summary>
    Boolean = 8,
    /// <summary>A JSON array.</summary>
    Array = 16,
    /// <summary>A JSON object.</summary>
    Object = 32,
    /// <summary>JSON null.</summary>
    Null = 64,
}

/// <summary>
/// A schema of the contract as the validator checks it, emitted from the spec (see <c>ContractOperations.g.cs</c>).
/// Only the rules a client enforces before sending are kept; a <see cref="Reference"/> stands for a named schema.
/// </summary>
public sealed class ContractSchema
{
    /// <summary>The JSON types allowed (<c>type</c>).</summary>
    public ContractTypes Type { get; init; }

    /// <summary><c>minLength</c> of a string.</summary>
    public int? MinLength { get; init; }

    /// <summary><c>maxLength</c> of a string.</summary>
    public int? MaxLength { get; init; }

    /// <summary><c>pattern</c> of a string (ECMAScript regular expression).</summary>
    public string? Pattern { get; init; }

    /// <summary>The allowed values, each as its JSON text (<c>"small"</c> with the quotes, <c>3</c>).</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary><c>minimum</c> of a number.</summary>
    public double? Minimum { get; init; }

    /// <summary><c>maximum</c> of a number.</summary>
    public double? Maximum { get; init; }

    /// <summary><c>exclusiveMinimum</c> of a number.</summary>
    public double? ExclusiveMinimum { get; init; }

    /// <summary><c>exclusiveMaximum</c> of a number.</summary>
    public double? ExclusiveMaximum { get; init; }

    /// <summary><c>minItems</c> of an array.</summary>
    public int? MinItems { get; init; }

    /// <summary><c>maxItems</c> of an array.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The schema of an array's items.</summary>
    public ContractSchema? Items { get; init; }

    /// <summary>The schemas of an object's properties, by JSON name.</summary>
    public IReadOnlyDictionary<string, ContractSchema>? Properties { get; init; }

    /// <summary>The properties an object must have.</summary>
    public IReadOnlyList<string>? Required { get; init; }

    /// <summary>The schema of an object's other properties (a map's values).</summary>
    public ContractSchema? AdditionalProperties { get; init; }

    /// <summary>The schemas of which exactly one must match.</summary>
    public IReadOnlyList<ContractSchema>? OneOf { get; init; }

    /// <summary>A format the validator checks (<c>email</c>, <c>date-time</c>, <c>int32</c>…; see <see cref="ContractFormats"/>).</summary>
    public string? Format { get; init; }

    /// <summary><c>multipleOf</c>: a number must be a whole multiple of it.</summary>
    public decimal? MultipleOf { get; init; }

    /// <summary><c>uniqueItems</c>: no two items of an array may be equal.</summary>
    public bool UniqueItems { get; init; }

    /// <summary><c>minProperties</c> of an object.</summary>
    public int? MinProperties { get; init; }

    /// <summary><c>maxProperties</c> of an object.</summary>
    public int? MaxProperties { get; init; }

    /// <summary>Set by the service: left out of a request body, and never required in one.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>additionalProperties: false</c>: a property the schema does not name is refused.</summary>
    public bool Closed { get; init; }

    /// <summary>The schemas that must all match (<c>allOf</c>).</summary>
    public IReadOnlyList<ContractSchema>? AllOf { get; init; }

    /// <summary>The schemas of which at least one must match (<c>anyOf</c>).</summary>
    public IReadOnlyList<ContractSchema>? AnyOf { get; init; }

    /// <summary>The schema that must not match (<c>not</c>).</summary>
    public ContractSchema? Not { get; init; }

    /// <summary>The property whose value selects the schema a value is checked against (<see cref="Mapping"/>).</summary>
    public string? Discriminator { get; init; }

    /// <summary>The schema each value of <see cref="Discriminator"/> selects.</summary>
    public IReadOnlyDictionary<string, ContractSchema>? Mapping { get; init; }

    /// <summary>A named schema of the contract, resolved when checked, so that schemas may refer to each other.</summary>
    public Func<ContractSchema>? Reference { get; init; }

    /// <summary>The schema itself, or the named schema its <see cref="Reference"/> stands for.</summary>
    internal ContractSchema Resolved()
    {
        var schema = this;
        for (var depth = 0; schema.Reference is { } target && depth < 64; depth++)
        {
            schema = target();
        }

        return schema;
    }
}
