using System.Text.Json;
using FleetGen.Testing;
using FleetGen.Testing.Server;

namespace FleetGen.FakeServer.Tool;

/// <summary>
/// The fleets to start with, from <c>--fleet</c>, <c>--fleet-without-federation</c> and <c>--seed</c>: exactly those
/// when any is given, else <see cref="FakeUcsServerOptions.DefaultFleet"/>. An id given twice is refused.
/// </summary>
internal static class FleetSeeds
{
    public static IReadOnlyList<SeedFleet> Resolve(IEnumerable<string> federated, IEnumerable<string> withoutFederation, string? seedFile)
    {
        var fleets = new List<(SeedFleet Fleet, string From)>();
        fleets.AddRange(federated.Select(id => (new SeedFleet(Checked(id, "--fleet"), true), "--fleet")));
        fleets.AddRange(withoutFederation.Select(id => (new SeedFleet(Checked(id, "--fleet-without-federation"), false), "--fleet-without-federation")));
        if (seedFile is not null)
        {
            fleets.AddRange(SeedFile.Read(seedFile).Select(f => (f, $"--seed {seedFile}")));
        }

        if (fleets.GroupBy(f => f.Fleet.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new UsageException($"fleet {JsonSerializer.Serialize(twice.Key)} is given twice ({string.Join(", ", twice.Select(f => f.From).Distinct())}).");
        }

        return fleets.Count > 0 ? fleets.Select(f => f.Fleet).ToList() : [new SeedFleet(FakeUcsServerOptions.DefaultFleet, true)];
    }

    private static string Checked(string id, string option) =>
        FakeAdminBodies.FleetIdProblem(id) is { } problem ? throw new UsageException($"{option} {JsonSerializer.Serialize(id)}: the fleet id {problem}.") : id;
}
