using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>What identifies a federated workload in its fleet: kind, namespace and name.</summary>
internal readonly record struct FakeWorkloadKey(UnitedWorkloadKind Kind, string Namespace, string Name)
{
    /// <summary>Whether the workload matches a query's kind and, when given, its namespace and name.</summary>
    public bool Matches(UnitedWorkloadKind kind, string? @namespace, string? name) =>
        Kind == kind && (string.IsNullOrEmpty(@namespace) || Namespace == @namespace) && (string.IsNullOrEmpty(name) || Name == name);

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
