namespace FleetGen.Testing.Server;

/// <summary>
/// The fleets and clusters of one fake server, seen under the state's lock at one instant (<see cref="Now"/>): for an
/// operation that reads or changes both, so that a fleet's clusterIds and its clusters' clusterGroupID always agree.
/// Fleets are brought up to <see cref="Now"/> (their federation jobs' effects applied) as they are read.
/// </summary>
internal sealed class FakeInventory(Dictionary<string, FakeFleet> fleets, Dictionary<string, FakeCluster> clusters, DateTimeOffset now, Func<long> nextSequence)
{
    public DateTimeOffset Now { get; } = now;

    public long NextSequence() => nextSequence();

    public FakeFleet? Fleet(string fleetId)
    {
        if (!fleets.TryGetValue(fleetId, out var fleet))
        {
            return null;
        }

        fleet.Refresh(Now);
        return fleet;
    }

    /// <summary>Every fleet, oldest first.</summary>
    public IReadOnlyList<FakeFleet> Fleets()
    {
        foreach (var fleet in fleets.Values)
        {
            fleet.Refresh(Now);
        }

        return [.. fleets.Values.OrderBy(f => f.Created).ThenBy(f => f.Sequence).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    public void Add(FakeFleet fleet) => fleets[fleet.Id] = fleet;

    public void Remove(FakeFleet fleet) => fleets.Remove(fleet.Id);

    public FakeCluster? Cluster(string clusterId) => clusters.GetValueOrDefault(clusterId);

    /// <summary>Every cluster, oldest first.</summary>
    public IReadOnlyList<FakeCluster> Clusters() =>
        [.. clusters.Values.OrderBy(c => c.Created).ThenBy(c => c.Sequence).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>The ids of the fleet's clusters, in the order they joined it.</summary>
    public IReadOnlyList<string> ClusterIdsOf(string fleetId) =>
        [.. clusters.Values.Where(c => c.FleetId == fleetId).OrderBy(c => c.JoinSequence).Select(c => c.Id)];

    public void Add(FakeCluster cluster) => clusters[cluster.Id] = cluster;

    public void Remove(FakeCluster cluster) => clusters.Remove(cluster.Id);

    /// <summary>Puts the cluster in the fleet (nothing changes when it is there already).</summary>
    public void Join(FakeCluster cluster, FakeFleet fleet)
    {
        if (cluster.FleetId != fleet.Id)
        {
            cluster.Join(fleet.Id, NextSequence());
        }
    }
}
