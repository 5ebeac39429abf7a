using System.Collections.Concurrent;

namespace FleetGen.Testing.Server;

/// <summary>What one fake server knows and has seen: fleets, clusters, recorded requests, queued faults, its CA and endpoint.</summary>
internal sealed class FakeUcsState(FakeUcsServerOptions options, FakeCertificateAuthority authority)
{
    // The fleets and clusters share one lock: the fleets dictionary.
    private readonly Dictionary<string, FakeFleet> fleets = options.Fleets.ToDictionary(
        f => f, f => FakeFleet.Create(f, f, SeededDescription(f), federated: true, options.FederationStepDuration, options.TimeProvider.GetUtcNow(), sequence: 0), StringComparer.Ordinal);

    private readonly Dictionary<string, FakeCluster> clusters = new(StringComparer.Ordinal);
    private long sequence;

    private readonly ConcurrentQueue<FakeJobScript> jobScripts = new();
    private readonly ConcurrentQueue<FakeUcsRequest> requests = new();
    private readonly ConcurrentQueue<FakeUcsFault> faults = new();
    private long requestCount;

    public FakeUcsServerOptions Options { get; } = options;

    public FakeCertificateAuthority Authority { get; } = authority;

    public Uri? KubernetesUrl { get; set; }

    /// <summary>When set, the validity of the client certificates issued, instead of the days asked for.</summary>
    public TimeSpan? ClientCertificateValidity { get; set; }

    public IReadOnlyList<FakeUcsRequest> Requests => requests.ToArray();

    public string NextRequestId() => $"fake-{Interlocked.Increment(ref requestCount):D6}";

    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

    public void Record(FakeUcsRequest request)
    {
        requests.Enqueue(request);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => requests.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests were recorded.</summary>
    public Task WhenRequestsAsync(int count, CancellationToken cancellationToken)
    {
        lock (waiters)
        {
            if (requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Adds a fleet, or replaces the one with that id (its clusters stay in it).</summary>
    public void SetFleet(string fleetId, bool federated, string? name = null)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (fleets)
        {
            fleets[fleetId] = FakeFleet.Create(fleetId, name ?? fleetId, SeededDescription(fleetId), federated, Options.FederationStepDuration, now, ++sequence);
        }
    }

    /// <summary>
    /// Adds a cluster, or replaces the one with that id: Available, or Initializing when <paramref name="activated"/>
    /// is false; in <paramref name="fleetId"/>'s fleet when given.
    /// </summary>
    /// <exception cref="ArgumentException">The fleet is unknown.</exception>
    public FakeClusterSummary SetCluster(string clusterId, string name, string? fleetId, string category, string type, bool activated)
    {
        return WithInventory(inventory =>
        {
            var fleet = fleetId is null ? null : inventory.Fleet(fleetId) ?? throw new ArgumentException($"The fake knows no fleet {fleetId}: add it first (AddFleet).", nameof(fleetId));
            var cluster = new FakeCluster(clusterId, name)
            {
                Category = category,
                Type = type,
                Created = inventory.Now,
                Updated = inventory.Now,
                Sequence = inventory.NextSequence(),
                Status = activated ? FakeCluster.Available : FakeCluster.Initializing,
            };
            inventory.Add(cluster);
            if (fleet is not null)
            {
                inventory.Join(cluster, fleet);
            }

            return Summary(cluster);
        });
    }

    /// <summary>Runs <paramref name="action"/> on the fleets and clusters at the server's clock, under the state's lock.</summary>
    public T WithInventory<T>(Func<FakeInventory, T> action)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (fleets)
        {
            return action(new FakeInventory(fleets, clusters, now, () => ++sequence));
        }
    }

    /// <summary>Runs <paramref name="action"/> on the fleet, brought up to the server's clock, under the state's lock; <c>default</c> when the fleet is unknown.</summary>
    public T? WithFleet<T>(string fleetId, Func<FakeFleet, DateTimeOffset, T> action)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (fleets)
        {
            if (!fleets.TryGetValue(fleetId, out var fleet))
            {
                return default;
            }

            fleet.Refresh(now);
            return action(fleet, now);
        }
    }

    /// <summary>Every fleet as it stands on the server's clock, by id.</summary>
    public IReadOnlyList<FakeFleetSummary> FleetSummaries() => WithInventory(inventory =>
        inventory.Fleets().OrderBy(f => f.Id, StringComparer.Ordinal).Select(f =>
        {
            var job = f.Job is { } j ? new FakeJobSummary(j.Uid, j.Type, j.At(inventory.Now).Phase) : null;
            return new FakeFleetSummary(f.Id, f.Name, f.Description, inventory.ClusterIdsOf(f.Id), f.FederationStatus(inventory.Now), f.Federated ? f.Version : null, f.Endpoints.Count, job);
        }).ToList());

    /// <summary>Every cluster, by id.</summary>
    public IReadOnlyList<FakeClusterSummary> ClusterSummaries() => WithInventory(inventory =>
        inventory.Clusters().OrderBy(c => c.Id, StringComparer.Ordinal).Select(Summary).ToList());

    public bool HasFleet(string fleetId)
    {
        lock (fleets)
        {
            return fleets.ContainsKey(fleetId);
        }
    }

    public bool HasCluster(string clusterId) => WithInventory(inventory => inventory.Cluster(clusterId) is not null);

    public IReadOnlyList<FakeUcsFault> PendingFaults => faults.ToArray();

    public void EnqueueJobScript(FakeJobScript script) => jobScripts.Enqueue(script);

    public FakeJobScript? NextJobScript() => jobScripts.TryDequeue(out var script) ? script : null;

    public void EnqueueFault(FakeUcsFault fault) => faults.Enqueue(fault);

    public FakeUcsFault? NextFault() => faults.TryDequeue(out var fault) ? fault : null;

    private static string SeededDescription(string fleetId) => $"fake fleet {fleetId}";

    private static FakeClusterSummary Summary(FakeCluster cluster) =>
        new(cluster.Id, cluster.Name, cluster.Category, cluster.Type, cluster.FleetId, cluster.Status, cluster.AccessInfoDownloaded);
}
