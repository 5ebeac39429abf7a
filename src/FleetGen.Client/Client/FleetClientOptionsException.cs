namespace FleetGen.Client;

/// <summary>One option of <see cref="FleetClientOptions"/> and the rule its value breaks.</summary>
/// <param name="Option">The option, e.g. <c>Endpoint</c> or <c>Retry.MaxRetries</c>.</param>
/// <param name="Problem">What is wrong with it, in words that hold no secret.</param>
public sealed record FleetOptionViolation(string Option, string Problem)
{
    internal static FleetOptionViolation Parse(string text) =>
        text.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? new(text[..colon], text[(colon + 2)..]) : new(string.Empty, text);

    /// <inheritdoc />
    public override string ToString() => Option.Length == 0 ? Problem : $"{Option}: {Problem}";
}

/// <summary>Options that cannot make a client; <see cref="Violations"/> names each option and its rule.</summary>
public sealed class FleetClientOptionsException(IReadOnlyList<FleetOptionViolation> violations)
    : ArgumentException("Invalid FleetClientOptions: " + string.Join("; ", violations))
{
    /// <summary>Every option that breaks a rule.</summary>
    public IReadOnlyList<FleetOptionViolation> Violations { get; } = violations;
}
