using System.Collections.Concurrent;
using FleetGen.Client;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// The policy center of fleets and clusters: enabling and disabling it, and creating, changing and deleting policy
/// instances, each start a <see cref="FakePolicyJob"/> whose effect shows once it has succeeded. The wrong states
/// answer the documented codes: already enabled (UCS.00150003/4), not enabled (UCS.00150005/6), a job of the
/// center still running (UCS.01130005/6). Policy definitions are a fixed catalogue (the contract's examples) whose
/// tags can be set. Thread-safe: one lock over the whole model.
/// </summary>
internal sealed class FakePolicyCenter(FakeUcsServerOptions options)
{
    private static readonly IReadOnlyDictionary<string, string> TaskTypes = new Dictionary<string, string>
    {
        ["EnablePolicy"] = "InstallGatekeeper",
        ["DisablePolicy"] = "UninstallGatekeeper",
        ["CreatePolicyInstance"] = "CreateConstraint",
        ["UpdatePolicyInstance"] = "UpdateConstraint",
        ["DeletePolicyInstance"] = "DeleteConstraint",
    };

    private readonly object gate = new();
    private readonly HashSet<FakePolicyTarget> enabled = [];
    private readonly List<FakePolicyJob> jobs = [];
    private readonly Dictionary<string, FakePolicyInstance> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePolicyInstance> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();
    private readonly List<FakePolicyDefinition> definitions =
    [
        new("f1519ae2-adf8-11ed-9f9c-0255ac100186", "k8spspvolumetypes", "K8sPSPVolumeTypes", "security"),
        new("f14d4210-adf8-11ed-9f9c-0255ac100186", "k8spspprocmount", "K8sPSPProcMount", "security"),
    ];

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    /// <summary>The next policy job fails when its task ends, with <paramref name="reason"/>.</summary>
    public void FailNextJob(string reason) => failures.Enqueue(reason);

    public FakeOutcome<JobIdAnswer> Enable(FakePolicyTarget target)
    {
        lock (gate)
        {
            Refresh();
            if (Busy(target) is { } busy)
            {
                return busy;
            }

            return enabled.Contains(target)
                ? target.Scope == FakePolicyTarget.Fleet
                    ? new FakeRefusal(400, UcsErrorCodes.ClusterGroupPolicyAlreadyEnabled, "ClusterGroup has enable policy.")
                    : new FakeRefusal(400, UcsErrorCodes.ClusterPolicyAlreadyEnabled, "Cluster has enable policy.")
                : Start("EnablePolicy", target, null);
        }
    }

    public FakeOutcome<JobIdAnswer> Disable(FakePolicyTarget target)
    {
        lock (gate)
        {
            Refresh();
            return Busy(target) is { } busy ? busy
                : NotEnabled(target) is { } off ? off
                : Start("DisablePolicy", target, null);
        }
    }

    public FakeOutcome<JobIdAnswer> CreateInstance(FakePolicyTarget target, UcsConstraintRequest body)
    {
        lock (gate)
        {
            Refresh();
            if (NotEnabled(target) is { } off)
            {
                return off;
            }

            if (string.IsNullOrEmpty(body.ConstraintTemplateID))
            {
                return FakeRefusal.BadBody("constraintTemplateID", "is required to create a policy instance");
            }

            if (definitions.Find(d => d.Id == body.ConstraintTemplateID) is not { } definition)
            {
                return FakeRefusal.NotFound($"policy definition {body.ConstraintTemplateID}");
            }

            var instance = new FakePolicyInstance(Guid.NewGuid().ToString(), definition, target, Now) { Settings = FakePolicySettings.Of(body) };
            pending[instance.Uid] = instance;
            return Start("CreatePolicyInstance", target, instance.Uid);
        }
    }

    /// <summary>
    /// Seeds a policy instance with <paramref name="uid"/> (replacing the one that has it) on <paramref name="target"/>,
    /// as if the center had been enabled there and the instance's create job (<paramref name="jobId"/> when given)
    /// had succeeded one step ago; the settings are the request's, as CreatePolicyInstance takes them.
    /// </summary>
    public FakeRefusal? SeedInstance(string uid, FakePolicyTarget target, UcsConstraintRequest body, string? jobId)
    {
        lock (gate)
        {
            Refresh();
            if (definitions.Find(d => d.Id == body.ConstraintTemplateID) is not { } definition)
            {
                return FakeRefusal.NotFound($"policy definition {body.ConstraintTemplateID}");
            }

            var start = Now - options.PlatformStepDuration;
            enabled.Add(target);
            jobs.RemoveAll(j => j.Uid == jobId);
            instances[uid] = new FakePolicyInstance(uid, definition, target, start) { Settings = FakePolicySettings.Of(body) };
            jobs.Add(new FakePolicyJob("CreatePolicyInstance", TaskTypes["CreatePolicyInstance"], target, uid, start, options.PlatformStepDuration, null, jobId) { Applied = true });
            return null;
        }
    }

    public FakeOutcome<JobIdAnswer> UpdateInstance(string uid, UcsConstraintRequest body)
    {
        lock (gate)
        {
            Refresh();
            if (!instances.TryGetValue(uid, out var instance))
            {
                return FakeRefusal.NotFound($"policy instance {uid}");
            }

            if (body.ConstraintTemplateID is { Length: > 0 } template && template != instance.Definition.Id)
            {
                return FakeRefusal.BadBody("constraintTemplateID", $"cannot change: the instance is made from {instance.Definition.Id}");
            }

            pending[uid] = instance.With(FakePolicySettings.Of(body), Now);
            return Start("UpdatePolicyInstance", instance.Target, uid);
        }
    }

    public FakeOutcome<JobIdAnswer> DeleteInstance(string uid)
    {
        lock (gate)
        {
            Refresh();
            return instances.TryGetValue(uid, out var instance)
                ? Start("DeletePolicyInstance", instance.Target, uid)
                : FakeRefusal.NotFound($"policy instance {uid}");
        }
    }

    public UcsConstraintList ListInstances()
    {
        lock (gate)
        {
            Refresh();
            return new UcsConstraintList { Kind = "List", ApiVersion = "v1", Items = instances.Values.OrderBy(i => i.Created).ThenBy(i => i.Uid, StringComparer.Ordinal).Select(i => i.Answer(options.DomainId)).ToList() };
        }
    }

    public FakeOutcome<UcsConstraint> ShowInstance(string uid)
    {
        lock (gate)
        {
            Refresh();
            return instances.TryGetValue(uid, out var instance) ? instance.Answer(options.DomainId) : FakeRefusal.NotFound($"policy instance {uid}");
        }
    }

    public UcsConstraintTemplateList ListDefinitions()
    {
        lock (gate)
        {
            return new UcsConstraintTemplateList { Kind = "List", ApiVersion = "v1", Items = definitions.Select(d => d.Answer()).ToList() };
        }
    }

    public FakeOutcome<UcsConstraintTemplate> ShowDefinition(string id)
    {
        lock (gate)
        {
            return definitions.Find(d => d.Id == id) is { } definition ? definition.Answer() : FakeRefusal.NotFound($"policy definition {id}");
        }
    }

    public FakeOutcome<UcsConstraintTemplate> TagDefinition(string id, string? tag)
    {
        lock (gate)
        {
            var index = definitions.FindIndex(d => d.Id == id);
            if (index < 0)
            {
                return FakeRefusal.NotFound($"policy definition {id}");
            }

            definitions[index] = definitions[index] with { Tag = tag ?? string.Empty };
            return definitions[index].Answer();
        }
    }

    /// <summary>The jobs of one type (EnablePolicy when none is given), oldest first.</summary>
    public UcsJobList ListJobs(string? kind)
    {
        lock (gate)
        {
            Refresh();
            var type = kind ?? "EnablePolicy";
            return new UcsJobList { Kind = "List", ApiVersion = "v1", Items = jobs.Where(j => j.Type == type).Select(j => j.Answer(options.DomainId, Now)).ToList() };
        }
    }

    public FakeOutcome<UcsJob> ShowJob(string uid)
    {
        lock (gate)
        {
            Refresh();
            return jobs.Find(j => j.Uid == uid) is { } job ? job.Answer(options.DomainId, Now) : FakeRefusal.NotFound($"policy job {uid}");
        }
    }

    public FakePolicySnapshot Snapshot()
    {
        lock (gate)
        {
            Refresh();
            var now = Now;
            return new FakePolicySnapshot(
                enabled.Select(t => $"{t.Scope}/{t.Id}").Order(StringComparer.Ordinal).ToList(),
                instances.Values.OrderBy(i => i.Created).Select(i => new FakePolicyInstanceSummary(i.Uid, i.Definition.Name, i.Target.Scope, i.Target.Id, i.Settings.EnforcementAction)).ToList(),
                jobs.Select(j => new FakePolicyJobSummary(j.Uid, j.Type, $"{j.Target.Scope}/{j.Target.Id}", j.Status(now))).ToList());
        }
    }

    private FakeRefusal? Busy(FakePolicyTarget target) =>
        jobs.Any(j => j.Target == target && j.Type is "EnablePolicy" or "DisablePolicy" && j.Running(Now))
            ? target.Scope == FakePolicyTarget.Fleet
                ? new FakeRefusal(400, UcsErrorCodes.ClusterGroupPolicyBusy, "cluster group policy management is in installing or closing status")
                : new FakeRefusal(400, UcsErrorCodes.ClusterPolicyBusy, "cluster policy management is in installing or closing status")
            : null;

    private FakeRefusal? NotEnabled(FakePolicyTarget target) =>
        enabled.Contains(target) ? null
        : target.Scope == FakePolicyTarget.Fleet ? new FakeRefusal(400, UcsErrorCodes.ClusterGroupPolicyNotEnabled, "ClusterGroup not enable policy.")
        : new FakeRefusal(400, UcsErrorCodes.ClusterPolicyNotEnabled, "Cluster not enable policy.");

    private JobIdAnswer Start(string type, FakePolicyTarget target, string? instanceId)
    {
        var job = new FakePolicyJob(type, TaskTypes[type], target, instanceId, Now, options.PlatformStepDuration, failures.TryDequeue(out var reason) ? reason : null);
        jobs.Add(job);
        return new JobIdAnswer { JobID = job.Uid };
    }

    /// <summary>Applies the effect of every job that has ended since the last look, once, in the order they started.</summary>
    private void Refresh()
    {
        var now = Now;
        foreach (var job in jobs.Where(j => !j.Applied && !j.Running(now)))
        {
            job.Applied = true;
            var succeeded = job.Succeeded(now);
            switch (job.Type)
            {
                case "EnablePolicy" when succeeded:
                    enabled.Add(job.Target);
                    break;
                case "DisablePolicy" when succeeded:
                    enabled.Remove(job.Target);
                    foreach (var gone in instances.Values.Where(i => i.Target == job.Target).ToList())
                    {
                        instances.Remove(gone.Uid);
                    }

                    break;
                case "CreatePolicyInstance" or "UpdatePolicyInstance" when pending.Remove(job.InstanceId!, out var made):
                    if (succeeded && (job.Type == "CreatePolicyInstance" || instances.ContainsKey(made.Uid)))
                    {
                        instances[made.Uid] = made;
                    }

                    break;
                case "DeletePolicyInstance" when succeeded:
                    instances.Remove(job.InstanceId!);
                    break;
            }
        }
    }
}

/// <summary>The policy model at one moment: where the center is enabled, the instances, the jobs.</summary>
internal sealed record FakePolicySnapshot(IReadOnlyList<string> EnabledOn, IReadOnlyList<FakePolicyInstanceSummary> Instances, IReadOnlyList<FakePolicyJobSummary> Jobs);
