namespace FleetGen.Testing;

/// <summary>
/// A cluster registered with a <see cref="FakeUcsServer"/> as it stands (<see cref="FakeUcsServer.Clusters"/>,
/// <c>GET /_fake/clusters</c>): its id, name, category and type, its fleet (null when it is in none), its Cluster
/// condition's status (Initializing until an attached or on-premises cluster is activated, then Available) and
/// whether its agent's access information was downloaded (it can be once).
/// </summary>
public sealed record FakeClusterSummary(string Id, string Name, string Category, string Type, string? FleetId, string Status, bool AccessInfoDownloaded);
