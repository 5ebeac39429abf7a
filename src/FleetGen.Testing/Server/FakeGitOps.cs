using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// The GitOps add-on of each cluster, seen the only way UCS documents: the pods ShowGitOpsStatus lists. Installing
/// brings up the four Flux controllers one per step of the server's clock (Pending, then Running and ready); a
/// scripted failure leaves the first pod Failed until an enable with retry; uninstalling removes them one per step.
/// Enabling twice, or after a failure without retry, is 400 UCS.00000012; disabling where nothing is installed is
/// 404 UCS.00000013. Thread-safe.
/// </summary>
internal sealed class FakeGitOps(FakeUcsServerOptions options)
{
    private static readonly string[] Controllers = ["source-controller", "kustomize-controller", "helm-controller", "notification-controller"];

    private readonly Dictionary<string, FakeGitOpsAddon> addons = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    /// <summary>The next installation fails: its first pod ends Failed with <paramref name="reason"/>.</summary>
    public void FailNextInstall(string reason) => failures.Enqueue(reason);

    public FakeOutcome<JobIdAnswer> Enable(string clusterId, string? retry)
    {
        lock (addons)
        {
            var now = Now;
            if (Current(clusterId, now) is { } addon)
            {
                var failed = addon is { Uninstalling: false, Failure: not null } && Done(addon, now);
                if (!failed || retry is null)
                {
                    return new FakeRefusal(400, UcsErrorResponses.ForStatus(400).Code, failed
                        ? $"Invalid request: the GitOps installation on cluster {clusterId} failed; enable it with retry"
                        : $"Invalid request: GitOps is already {(addon.Uninstalling ? "being uninstalled from" : "enabled on")} cluster {clusterId}");
                }
            }

            var job = Guid.NewGuid().ToString();
            addons[clusterId] = new FakeGitOpsAddon(job, now, Uninstalling: false, failures.TryDequeue(out var reason) ? reason : null);
            return new JobIdAnswer { JobID = job };
        }
    }

    public FakeOutcome<JobIdAnswer> Disable(string clusterId)
    {
        lock (addons)
        {
            var now = Now;
            if (Current(clusterId, now) is not { Uninstalling: false })
            {
                return FakeRefusal.NotFound($"GitOps add-on of cluster {clusterId}");
            }

            var job = Guid.NewGuid().ToString();
            addons[clusterId] = new FakeGitOpsAddon(job, now, Uninstalling: true, null);
            return new JobIdAnswer { JobID = job };
        }
    }

    public PodList Status(string clusterId)
    {
        lock (addons)
        {
            var now = Now;
            var pods = new List<Pod>();
            if (Current(clusterId, now) is { } addon)
            {
                for (var i = 0; i < Controllers.Length; i++)
                {
                    var stepDone = now >= addon.Start + (options.PlatformStepDuration * (i + 1));
                    if (addon.Uninstalling && stepDone)
                    {
                        continue;
                    }

                    var phase = addon.Uninstalling ? "Running"
                        : addon.Failure is not null && i == 0 ? (stepDone ? "Failed" : "Pending")
                        : stepDone ? "Running" : "Pending";
                    pods.Add(Pod(clusterId, Controllers[i], phase, addon, i));
                }
            }

            return new PodList { Metadata = new ListMeta(), Items = pods };
        }
    }

    public IReadOnlyList<FakeGitOpsSummary> Snapshot()
    {
        lock (addons)
        {
            var now = Now;
            return addons.Keys.Order(StringComparer.Ordinal).Select(id => Current(id, now) is { } a ? new FakeGitOpsSummary(id, a.JobId, State(a, now)) : null).OfType<FakeGitOpsSummary>().ToList();
        }
    }

    private string State(FakeGitOpsAddon addon, DateTimeOffset now) =>
        addon.Uninstalling ? "Uninstalling" : !Done(addon, now) ? "Installing" : addon.Failure is null ? "Installed" : "Failed";

    /// <summary>The cluster's add-on, forgetting one whose uninstallation has ended.</summary>
    private FakeGitOpsAddon? Current(string clusterId, DateTimeOffset now)
    {
        if (!addons.TryGetValue(clusterId, out var addon))
        {
            return null;
        }

        if (addon.Uninstalling && Done(addon, now))
        {
            addons.Remove(clusterId);
            return null;
        }

        return addon;
    }

    private bool Done(FakeGitOpsAddon addon, DateTimeOffset now) => now >= addon.Start + (options.PlatformStepDuration * (addon.Failure is null || addon.Uninstalling ? Controllers.Length : 1));

    private Pod Pod(string clusterId, string controller, string phase, FakeGitOpsAddon addon, int index)
    {
        var started = addon.Start + (options.PlatformStepDuration * index);
        JsonObject state = phase switch
        {
            "Running" => new() { ["running"] = new JsonObject { ["startedAt"] = FakeTime.Rfc3339(started) } },
            "Failed" => new() { ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error", ["message"] = addon.Failure } },
            _ => new() { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
        };
        return new Pod
        {
            Metadata = new ObjectMeta { Name = $"{controller}-{addon.JobId[..8]}", Namespace = "flux-system", Uid = $"{addon.JobId[..24]}{index:D12}", Labels = new Dictionary<string, string> { ["app"] = controller, ["cluster"] = clusterId } },
            Spec = new PodSpec { RestartPolicy = "Always", DnsPolicy = "ClusterFirst", ServiceAccountName = controller },
            Status = new PodStatus
            {
                Phase = phase,
                HostIP = "192.168.0.12",
                StartTime = FakeTime.Rfc3339(started),
                ContainerStatuses =
                [
                    new ContainerStatus { Name = "manager", Ready = phase == "Running", Started = phase == "Running", RestartCount = 0, Image = $"ghcr.io/fluxcd/{controller}:v1.2.4", State = state },
                ],
            },
        };
    }

    /// <summary>An installation (or uninstallation) of the add-on, started at <paramref name="Start"/>; <paramref name="Failure"/> when scripted to fail.</summary>
    private sealed record FakeGitOpsAddon(string JobId, DateTimeOffset Start, bool Uninstalling, string? Failure);
}
