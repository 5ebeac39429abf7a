using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>A policy instance: a Gatekeeper constraint made from a definition, on a fleet or a cluster.</summary>
internal sealed record FakePolicyInstance(string Uid, FakePolicyDefinition Definition, FakePolicyTarget Target, DateTimeOffset Created)
{
    public required FakePolicySettings Settings { get; init; }

    public DateTimeOffset Updated { get; init; } = Created;

    /// <summary>The constraint's name: the definition's, then the target's (as in the contract's example, k8spspvolumetypes-fleet-prod).</summary>
    public string Name => $"{Definition.Name}-{Target.Scope}-{Target.Id}";

    public FakePolicyInstance With(FakePolicySettings settings, DateTimeOffset now) => this with { Settings = settings, Updated = now };

    public UcsConstraint Answer(string domainId) => new()
    {
        Kind = "UCSConstraint",
        ApiVersion = "v1",
        Metadata = new ObjectMeta { Uid = Uid, Name = Name, CreationTimestamp = FakeTime.Rfc3339(Created), UpdateTimestamp = FakeTime.Rfc3339(Updated) },
        Spec = new UcsConstraintSpec
        {
            ConstraintTemplateID = Definition.Id,
            DomainID = domainId,
            TargetScope = Target.Scope,
            TargetID = Target.Id,
            Constraint = new Constraint
            {
                Kind = Definition.Kind,
                ApiVersion = "constraints.gatekeeper.sh/v1beta1",
                Metadata = new ObjectMeta { Name = Name },
                Spec = new ConstraintSpec { EnforcementAction = Settings.EnforcementAction, Match = new Match { Namespaces = [.. Settings.Namespaces] }, Parameters = Settings.Parameters },
            },
        },
        Status = new UcsConstraintStatus { Violations = [] },
    };
}

/// <summary>What a policy instance request sets: the enforcement action (warn or deny), the namespaces and the definition's parameters.</summary>
internal sealed record FakePolicySettings(string EnforcementAction, IReadOnlyList<string> Namespaces, object? Parameters)
{
    public static FakePolicySettings Of(UcsConstraintRequest body) =>
        new(body.EnforcementAction == UcsConstraintRequestEnforcementAction.Deny ? "deny" : "warn", body.Namespaces ?? [], body.Parameters);
}

/// <summary>A policy definition (Gatekeeper constraint template): id, name, the constraint kind it defines, its tags.</summary>
internal sealed record FakePolicyDefinition(string Id, string Name, string Kind, string Tag)
{
    public UcsConstraintTemplate Answer() => new()
    {
        Kind = "ConstraintTemplate",
        ApiVersion = "templates.gatekeeper.sh/v1",
        Metadata = new ObjectMeta { Uid = Id, Name = Name, Labels = new Dictionary<string, string> { ["tag"] = Tag } },
        Spec = new Dictionary<string, object> { ["crd"] = new Dictionary<string, object> { ["spec"] = new Dictionary<string, object> { ["names"] = new Dictionary<string, string> { ["kind"] = Kind } } } },
    };
}
