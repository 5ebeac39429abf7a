namespace FleetGen.Testing.Server;

/// <summary>A fleet as the admin API shows it: the Federation condition's status (null without federation), its version, VPC endpoints and last job.</summary>
internal sealed record FakeFleetSummary(string Id, string? Federation, string? Version, int Endpoints, FakeJobSummary? Job);

/// <summary>A fleet's last federation job: its id, type and phase (Running, Success, Failed).</summary>
internal sealed record FakeJobSummary(string Id, string Type, string Phase);
