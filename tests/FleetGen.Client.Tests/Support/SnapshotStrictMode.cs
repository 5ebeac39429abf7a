using System.Runtime.CompilerServices;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// Snapshooter creates a missing snapshot and passes unless SNAPSHOOTER_STRICT_MODE is true: here strict is the default,
/// so a plain `dotnet test` fails on a missing snapshot too. Setting the variable to false (UpdateSnapshots) still
/// writes new ones.
/// </summary>
internal static class SnapshotStrictMode
{
    public const string Variable = "SNAPSHOOTER_STRICT_MODE";

#pragma warning disable CA2255 // The test assembly's own start-up, before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void DefaultToStrict()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, "true");
        }
    }
}
