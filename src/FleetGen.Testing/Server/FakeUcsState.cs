using System.Collections.Concurrent;

namespace FleetGen.Testing.Server;

/// <summary>What one fake server knows and has seen: fleets, recorded requests, queued faults, its CA and endpoint.</summary>
internal sealed class FakeUcsState(FakeUcsServerOptions options, FakeCertificateAuthority authority)
{
    private readonly Dictionary<string, FakeFleet> fleets = options.Fleets.ToDictionary(
        f => f, f => FakeFleet.Federate(f, options.FederationStepDuration, options.TimeProvider.GetUtcNow()), StringComparer.Ordinal);

    private readonly ConcurrentQueue<FakeJobScript> jobScripts = new();
    private readonly ConcurrentQueue<FakeUcsRequest> requests = new();
    private readonly ConcurrentQueue<FakeUcsFault> faults = new();
    private long requestCount;

    public FakeUcsServerOptions Options { get; } = options;

    public FakeCertificateAuthority Authority { get; } = authority;

    public FakePlatformState Platform { get; } = new(options);

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

    public void SetFleet(string fleetId, bool federated)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (fleets)
        {
            fleets[fleetId] = federated ? FakeFleet.Federate(fleetId, Options.FederationStepDuration, now) : new FakeFleet(fleetId, Options.FederationStepDuration);
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
    public IReadOnlyList<FakeFleetSummary> FleetSummaries()
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (fleets)
        {
            return fleets.Values.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f =>
            {
                f.Refresh(now);
                var job = f.Job is { } j ? new FakeJobSummary(j.Uid, j.Type, j.At(now).Phase) : null;
                return new FakeFleetSummary(f.Id, f.FederationStatus(now), f.Federated ? f.Version : null, f.Endpoints.Count, job);
            }).ToList();
        }
    }

    public bool HasFleet(string fleetId)
    {
        lock (fleets)
        {
            return fleets.ContainsKey(fleetId);
        }
    }

    public IReadOnlyList<FakeUcsFault> PendingFaults => faults.ToArray();

    public void EnqueueJobScript(FakeJobScript script) => jobScripts.Enqueue(script);

    public FakeJobScript? NextJobScript() => jobScripts.TryDequeue(out var script) ? script : null;

    public void EnqueueFault(FakeUcsFault fault) => faults.Enqueue(fault);

    public FakeUcsFault? NextFault() => faults.TryDequeue(out var fault) ? fault : null;
}
