namespace FleetGen.Client.Validation;

/// <summary>The JSON types a schema allows; <see cref="Any"/> when it names none.</summary>
[Flags]
internal enum ContractTypes
{
    Any = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
    Null = 64,
}

/// <summary>
/// A schema of the contract as the validator checks it, emitted from the spec (see <c>ContractOperations.g.cs</c>).
/// Only the rules a client enforces before sending are kept; a <see cref="Reference"/> stands for a named schema.
/// </summary>
internal sealed class ContractSchema
{
    public ContractTypes Type { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    /// <summary>The allowed values, each as its JSON text (<c>"small"</c> with the quotes, <c>3</c>).</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? ExclusiveMaximum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public ContractSchema? Items { get; init; }

    public IReadOnlyDictionary<string, ContractSchema>? Properties { get; init; }

    public IReadOnlyList<string>? Required { get; init; }

    public ContractSchema? AdditionalProperties { get; init; }

    public IReadOnlyList<ContractSchema>? OneOf { get; init; }

    /// <summary>A format the validator checks (<c>email</c>, <c>date-time</c>, <c>int32</c>…; see <see cref="ContractFormats"/>).</summary>
    public string? Format { get; init; }

    public decimal? MultipleOf { get; init; }

    public bool UniqueItems { get; init; }

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    /// <summary>Set by the service: left out of a request body, and never required in one.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>additionalProperties: false</c>: a property the schema does not name is refused.</summary>
    public bool Closed { get; init; }

    public IReadOnlyList<ContractSchema>? AllOf { get; init; }

    public IReadOnlyList<ContractSchema>? AnyOf { get; init; }

    public ContractSchema? Not { get; init; }

    /// <summary>The property whose value selects the schema a value is checked against (<see cref="Mapping"/>).</summary>
    public string? Discriminator { get; init; }

    /// <summary>The schema each value of <see cref="Discriminator"/> selects.</summary>
    public IReadOnlyDictionary<string, ContractSchema>? Mapping { get; init; }

    /// <summary>A named schema of the contract, resolved when checked, so that schemas may refer to each other.</summary>
    public Func<ContractSchema>? Reference { get; init; }

    public ContractSchema Resolved()
    {
        var schema = this;
        for (var depth = 0; schema.Reference is { } target && depth < 64; depth++)
        {
            schema = target();
        }

        return schema;
    }
}
