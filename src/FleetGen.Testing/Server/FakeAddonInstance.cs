using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>An add-on instance of <see cref="FakeAddons"/>: where it runs, its values and its last change.</summary>
internal sealed class FakeAddonInstance(string uid, string name, string clusterId, FakeAddonTemplate template, DateTimeOffset created)
{
    public string Uid { get; } = uid;

    public string Name { get; } = name;

    public string ClusterId { get; } = clusterId;

    public FakeAddonTemplate Template { get; } = template;

    public DateTimeOffset Created { get; } = created;

    public required string Namespace { get; init; }

    public object? Values { get; set; }

    public required FakeAddonChange Change { get; set; }

    /// <summary>The version running: the change's once it has succeeded, the one before it until then (none during the first installation).</summary>
    public string? CurrentVersion(DateTimeOffset now) => Change.At(now) == "running" ? Change.Version : Change.FromVersion;
}

/// <summary>
/// An installation, upgrade or uninstallation: <paramref name="Status"/> (installing, upgrading, deleting) for one
/// step from <paramref name="Start"/>, then running, or <paramref name="FailedStatus"/> when it was scripted to fail.
/// </summary>
internal sealed record FakeAddonChange(string Status, string FailedStatus, DateTimeOffset Start, string? FromVersion, string Version, string? Failure, TimeSpan Step)
{
    public bool Ended(DateTimeOffset now) => now >= Start + Step;

    public string At(DateTimeOffset now) => !Ended(now) ? Status : Failure is not null ? FailedStatus : "running";
}

/// <summary>An add-on template of the catalogue: its versions, oldest first, each for every cluster version.</summary>
internal sealed record FakeAddonTemplate(string Uid, string Name, string Label, string Description, IReadOnlyList<string> Versions)
{
    public AddonVersion Version(string version) => new()
    {
        Id = $"{Uid[..24]}{Versions.ToList().IndexOf(version) + 1:D12}",
        Version = version,
        Stable = true,
        Input = new Dictionary<string, object> { ["basic"] = new Dictionary<string, object>() },
        SupportVersions = [new SupportVersion { Category = "Kubernetes", ClusterType = "VirtualMachine", ClusterVersion = [".*"] }],
    };

    public AddonTemplate Answer(IEnumerable<string> versions) => new()
    {
        Kind = "Addon",
        ApiVersion = "v3",
        Metadata = new AddonObjectMeta { Uid = Uid, Name = Name },
        Spec = new AddonTemplateSpec { Type = "helm", Require = false, Labels = [Label], Description = Description, Versions = versions.Select(Version).ToList() },
    };
}
