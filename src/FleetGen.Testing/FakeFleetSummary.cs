namespace FleetGen.Testing;

/// <summary>
/// A fleet of a <see cref="FakeUcsServer"/> as it stands (<see cref="FakeUcsServer.Fleets"/>, <c>GET /_fake/fleets</c>):
/// its id, name, description and member clusters, its Federation condition's status (null without federation), its
/// federation version, the number of VPC endpoints of its federation connection and its last federation job.
/// </summary>
public sealed record FakeFleetSummary(string Id, string Name, string Description, IReadOnlyList<string> ClusterIds, string? Federation, string? Version, int Endpoints, FakeJobSummary? Job);

/// <summary>A fleet's last federation job: its id, type and phase (Running, Success, Failed).</summary>
public sealed record FakeJobSummary(string Id, string Type, string Phase);
