using System.Collections.Concurrent;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// Add-on templates (a fixed catalogue after the contract's example) and the add-on instances installed from them.
/// Installing, upgrading and uninstalling take one step of the server's clock: status installing, upgrading or
/// deleting, then running (or gone: 404 after an uninstallation); a scripted failure ends in installFailed or
/// upgradeFailed with its reason in status.Reason. A template or version the catalogue lacks is 400 UCS.00000012, a
/// second instance of a template in a cluster 409, an unknown instance 404 UCS.00000013. Thread-safe.
/// </summary>
internal sealed class FakeAddons(FakeUcsServerOptions options)
{
    private readonly object gate = new();
    private readonly List<FakeAddonInstance> instances = [];
    private readonly ConcurrentQueue<string> failures = new();
    private readonly List<FakeAddonTemplate> templates =
    [
        new("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "kube-prometheus-stack", "Monitoring", "Prometheus monitoring stack", ["3.9.0", "3.10.1", "3.11.0"]),
        new("5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f", "gatekeeper", "Security", "Policy enforcement with OPA Gatekeeper", ["1.0.0", "1.1.2"]),
    ];

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    /// <summary>The next installation or upgrade fails when it ends, with <paramref name="reason"/>.</summary>
    public void FailNextChange(string reason) => failures.Enqueue(reason);

    /// <summary>Installs an add-on (with <paramref name="uid"/> when seeding, replacing the instance that has it).</summary>
    public FakeOutcome<AddonInstance> Create(AddonInstanceRequestBody body, string? uid = null)
    {
        if (SpecRefusal(body.Spec) is { } refused)
        {
            return refused;
        }

        var spec = body.Spec!;
        lock (gate)
        {
            var now = Now;
            Forget(now);
            if (uid is not null)
            {
                instances.RemoveAll(i => i.Uid == uid);
            }

            if (instances.Exists(i => i.ClusterId == spec.ClusterID && i.Template.Name == spec.AddonTemplateName))
            {
                return FakeRefusal.Conflict($"add-on {spec.AddonTemplateName} is installed in cluster {spec.ClusterID} already");
            }

            var instance = new FakeAddonInstance(uid ?? Guid.NewGuid().ToString(), body.Metadata?.Name ?? spec.AddonTemplateName, spec.ClusterID, Template(spec.AddonTemplateName)!, now)
            {
                Namespace = spec.Namespace ?? "kube-system",
                Values = spec.Values,
                Change = new FakeAddonChange("installing", "installFailed", now, null, spec.Version, failures.TryDequeue(out var reason) ? reason : null, options.PlatformStepDuration),
            };
            instances.Add(instance);
            return Answer(instance, now);
        }
    }

    public FakeOutcome<AddonInstance> Update(string id, AddonInstanceRequestBody body)
    {
        lock (gate)
        {
            var now = Now;
            if (Find(id, now) is not { } instance)
            {
                return FakeRefusal.NotFound($"add-on instance {id}");
            }

            if (body.Spec?.AddonTemplateName is { Length: > 0 } name && name != instance.Template.Name)
            {
                return FakeRefusal.BadBody("spec.addonTemplateName", $"cannot change: the instance is of {instance.Template.Name}");
            }

            var version = body.Spec?.Version is { Length: > 0 } v ? v : instance.Change.Version;
            if (!instance.Template.Versions.Contains(version))
            {
                return FakeRefusal.BadBody("spec.version", $"{instance.Template.Name} has no version {version} (it has {string.Join(", ", instance.Template.Versions)})");
            }

            instance.Values = body.Spec?.Values ?? instance.Values;
            instance.Change = new FakeAddonChange("upgrading", "upgradeFailed", now, instance.CurrentVersion(now), version, failures.TryDequeue(out var reason) ? reason : null, options.PlatformStepDuration);
            return Answer(instance, now);
        }
    }

    public FakeRefusal? Delete(string id, string? clusterId)
    {
        lock (gate)
        {
            var now = Now;
            if (Find(id, now) is not { } instance)
            {
                return FakeRefusal.NotFound($"add-on instance {id}");
            }

            if (clusterId is not null && clusterId != instance.ClusterId)
            {
                return FakeRefusal.BadQuery("cluster_id", $"is not the cluster of add-on instance {id}");
            }

            if (instance.Change.Status != "deleting")
            {
                instance.Change = new FakeAddonChange("deleting", "deleteFailed", now, instance.CurrentVersion(now), instance.Change.Version, null, options.PlatformStepDuration);
            }

            return null;
        }
    }

    public FakeOutcome<AddonInstance> Show(string id, string? clusterId)
    {
        lock (gate)
        {
            var now = Now;
            return Find(id, now) is not { } instance ? FakeRefusal.NotFound($"add-on instance {id}")
                : clusterId is not null && clusterId != instance.ClusterId ? FakeRefusal.BadQuery("cluster_id", $"is not the cluster of add-on instance {id}")
                : Answer(instance, now);
        }
    }

    public AddonInstanceList List(string clusterId, string? templateName)
    {
        lock (gate)
        {
            var now = Now;
            Forget(now);
            return new AddonInstanceList
            {
                Kind = "List",
                ApiVersion = "v3",
                Items = instances.Where(i => i.ClusterId == clusterId && (templateName is null || i.Template.Name == templateName)).Select(i => Answer(i, now)).ToList(),
            };
        }
    }

    /// <summary>The templates, narrowed by name, by version (only that version), and to the versions above base_update_addon_version.</summary>
    public AddonTemplateList Templates(string? name, string? version, string? upgradeFrom)
    {
        lock (gate)
        {
            var items = templates
                .Where(t => name is null || t.Name == name)
                .Select(t => (Template: t, Versions: t.Versions.Where(v => (version is null || v == version) && (upgradeFrom is null || Compare(v, upgradeFrom) > 0)).ToList()))
                .Where(t => t.Versions.Count > 0)
                .Select(t => t.Template.Answer(t.Versions))
                .ToList();
            return new AddonTemplateList { Kind = "List", ApiVersion = "v3", Items = items };
        }
    }

    public void AddTemplate(string name, IReadOnlyList<string> versions)
    {
        lock (gate)
        {
            templates.RemoveAll(t => t.Name == name);
            templates.Add(new FakeAddonTemplate(Guid.NewGuid().ToString(), name, "Custom", $"{name} (added by a test)", versions));
        }
    }

    public IReadOnlyList<FakeAddonInstanceSummary> Snapshot()
    {
        lock (gate)
        {
            var now = Now;
            Forget(now);
            return instances.Select(i => new FakeAddonInstanceSummary(i.Uid, i.ClusterId, i.Template.Name, i.CurrentVersion(now), i.Change.At(now))).ToList();
        }
    }

    private FakeRefusal? SpecRefusal(AddonInstanceSpec? spec)
    {
        if (spec is null)
        {
            return FakeRefusal.BadBody("spec", "is required to install an add-on");
        }

        if (string.IsNullOrEmpty(spec.ClusterID))
        {
            return FakeRefusal.BadBody("spec.clusterID", "is required");
        }

        if (string.IsNullOrEmpty(spec.AddonTemplateName))
        {
            return FakeRefusal.BadBody("spec.addonTemplateName", "is required");
        }

        if (string.IsNullOrEmpty(spec.Version))
        {
            return FakeRefusal.BadBody("spec.version", "is required");
        }

        lock (gate)
        {
            return Template(spec.AddonTemplateName) is not { } template ? FakeRefusal.BadBody("spec.addonTemplateName", $"names no add-on template ({string.Join(", ", templates.Select(t => t.Name))})")
                : !template.Versions.Contains(spec.Version) ? FakeRefusal.BadBody("spec.version", $"{template.Name} has no version {spec.Version} (it has {string.Join(", ", template.Versions)})")
                : null;
        }
    }

    private FakeAddonTemplate? Template(string name) => templates.Find(t => t.Name == name);

    private FakeAddonInstance? Find(string id, DateTimeOffset now)
    {
        Forget(now);
        return instances.Find(i => i.Uid == id);
    }

    /// <summary>Drops the instances whose uninstallation has ended.</summary>
    private void Forget(DateTimeOffset now) => instances.RemoveAll(i => i.Change.Status == "deleting" && i.Change.Ended(now));

    private AddonInstance Answer(FakeAddonInstance instance, DateTimeOffset now)
    {
        var status = instance.Change.At(now);
        var current = instance.CurrentVersion(now);
        return new AddonInstance
        {
            Kind = "Addon",
            ApiVersion = "v3",
            Metadata = new ObjectMeta { Uid = instance.Uid, Name = instance.Name, CreationTimestamp = FakeTime.Rfc3339(instance.Created), UpdateTimestamp = FakeTime.Rfc3339(instance.Change.Start) },
            Spec = new AddonInstanceSpec
            {
                ClusterID = instance.ClusterId,
                AddonTemplateName = instance.Template.Name,
                AddonTemplateType = "helm",
                AddonTemplateLabels = [instance.Template.Label],
                Version = instance.Change.Version,
                Namespace = instance.Namespace,
                Values = instance.Values,
            },
            Status = new AddonInstanceStatus
            {
                Status = status,
                Reason = status == instance.Change.FailedStatus ? instance.Change.Failure : string.Empty,
                Message = string.Empty,
                TargetVersions = current is null ? [] : instance.Template.Versions.Where(v => Compare(v, current) > 0).ToList(),
                CurrentVersion = current is null ? null : instance.Template.Version(current),
            },
        };
    }

    private static int Compare(string left, string right) =>
        Version.TryParse(left, out var l) && Version.TryParse(right, out var r) ? l.CompareTo(r) : string.CompareOrdinal(left, right);
}
