using System.Reflection;

namespace FleetGen.Client.Tests.Support;

/// <summary>Paths of the repository this test assembly was built from.</summary>
internal static class Repo
{
    public static string Root { get; } = Path.GetFullPath(Metadata("FleetGenRepoRoot"));

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Spec => Path.Combine(Root, "spec", "ucs.yaml");

    public static string ClientProjectDir => Path.Combine(Root, "src", "FleetGen.Client");

    public static string ClientProject => Path.Combine(ClientProjectDir, "FleetGen.Client.csproj");

    public static string GeneratedDir => Path.Combine(ClientProjectDir, "obj", "generated");

    public static string GeneratedServerDir => Path.Combine(Root, "src", "FleetGen.Testing", "obj", "generated", "nswag");

    /// <summary>The C# files generated from the contract (Kiota's client in kiota/, the contract rules in contract/), as sorted relative paths with forward slashes.</summary>
    public static IReadOnlyList<string> GeneratedFiles(string generatedDir) =>
        Directory.EnumerateFiles(generatedDir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(generatedDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
