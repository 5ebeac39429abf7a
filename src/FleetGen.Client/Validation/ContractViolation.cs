namespace FleetGen.Client.Validation;

/// <summary>One rule of the contract that a value breaks.</summary>
/// <param name="Field">The field or parameter, by its name in the contract (e.g. <c>duration</c>, <c>clustergroupid</c>).</param>
/// <param name="Value">The offending value as text, or <c>null</c> when it is missing.</param>
/// <param name="Rule">The rule, e.g. <c>must be between 1 and 1825</c>.</param>
public sealed record ContractViolation(string Field, string? Value, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Field}: {Rule}" : $"{Field}: \"{Value}\" {Rule}";
}
