namespace FleetGen.Testing.Server;

/// <summary>
/// The federation versions the fake offers (ListServerConfigs) and the upgrades between them: a fleet's federation
/// starts at <see cref="Initial"/>, and UpgradeFederation accepts only a target listed for the fleet's current version.
/// </summary>
internal static class FakeFederationVersions
{
    public const string Initial = "v1.3.0";

    /// <summary>Each version and the versions it can be upgraded to, oldest first.</summary>
    public static readonly IReadOnlyList<(string Current, IReadOnlyList<string> Targets)> Upgrades =
    [
        ("v1.3.0", ["v1.4.0", "v1.5.0"]),
        ("v1.4.0", ["v1.5.0"]),
        ("v1.5.0", []),
    ];

    /// <summary>The versions a federation at <paramref name="current"/> can be upgraded to; none for a version the fake does not list.</summary>
    public static IReadOnlyList<string> TargetsOf(string current) =>
        Upgrades.FirstOrDefault(u => u.Current == current).Targets ?? [];
}
