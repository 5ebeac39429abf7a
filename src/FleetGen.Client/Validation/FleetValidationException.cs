namespace FleetGen.Client.Validation;

/// <summary>
/// A request that breaks the contract, found before anything was sent. The message names every field, value and rule.
/// </summary>
public sealed class FleetValidationException : ArgumentException
{
    /// <summary>Creates the exception for the given violations (at least one).</summary>
    public FleetValidationException(IReadOnlyList<ContractViolation> violations)
        : base(Describe(violations), violations.Count > 0 ? violations[0].Field : null)
    {
        Violations = violations;
    }

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<ContractViolation> Violations { get; }

    private static string Describe(IReadOnlyList<ContractViolation> violations) =>
        "The request breaks the API contract, so it was not sent: " + string.Join("; ", violations);
}
