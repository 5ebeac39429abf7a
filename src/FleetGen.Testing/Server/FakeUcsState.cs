using System.Collections.Concurrent;

namespace FleetGen.Testing.Server;

/// <summary>What one fake server knows and has seen: fleets, recorded requests, queued faults, its CA and endpoint.</summary>
internal sealed class FakeUcsState(FakeUcsServerOptions options, FakeCertificateAuthority authority)
{
    private readonly ConcurrentDictionary<string, bool> fleets = new(options.Fleets.Select(f => KeyValuePair.Create(f, true)), StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeUcsRequest> requests = new();
    private readonly ConcurrentQueue<FakeUcsFault> faults = new();
    private long requestCount;

    public FakeUcsServerOptions Options { get; } = options;

    public FakeCertificateAuthority Authority { get; } = authority;

    public Uri? KubernetesUrl { get; set; }

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

    public void SetFleet(string fleetId, bool federated) => fleets[fleetId] = federated;

    public bool? IsFederated(string fleetId) => fleets.TryGetValue(fleetId, out var federated) ? federated : null;

    public void EnqueueFault(FakeUcsFault fault) => faults.Enqueue(fault);

    public FakeUcsFault? NextFault() => faults.TryDequeue(out var fault) ? fault : null;
}
