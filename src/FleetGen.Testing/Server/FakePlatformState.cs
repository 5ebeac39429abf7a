namespace FleetGen.Testing.Server;

/// <summary>The platform side of the fake beyond fleets and federation: permissions, policies, GitOps, add-ons, DNS record sets, quotas.</summary>
internal sealed class FakePlatformState(FakeUcsServerOptions options)
{
    public FakePermissionRules Rules { get; } = new(options.TimeProvider);

    public FakePolicyCenter Policy { get; } = new(options);

    public FakeGitOps GitOps { get; } = new(options);

    public FakeConfigSets ConfigSets { get; } = new(options);

    public FakeAddons Addons { get; } = new(options);

    public FakeRecordSets RecordSets { get; } = new(options);

    public FakeQuotas Quotas { get; } = new();

    /// <summary>Everything the platform model holds, as the admin API shows it (<c>GET /_fake/platform</c>).</summary>
    public FakePlatformSummary Summary()
    {
        var policy = Policy.Snapshot();
        return new FakePlatformSummary(Rules.Snapshot(), policy.EnabledOn, policy.Instances, policy.Jobs, GitOps.Snapshot(), ConfigSets.RepoSnapshot(), ConfigSets.Snapshot(), Addons.Snapshot(), RecordSets.Snapshot());
    }
}

/// <summary>The platform model at one moment, for the admin API.</summary>
internal sealed record FakePlatformSummary(
    IReadOnlyList<FakePermissionRule> PermissionRules,
    IReadOnlyList<string> PolicyCenters,
    IReadOnlyList<FakePolicyInstanceSummary> PolicyInstances,
    IReadOnlyList<FakePolicyJobSummary> PolicyJobs,
    IReadOnlyList<FakeGitOpsSummary> GitOpsAddons,
    IReadOnlyList<FakeRepoSummary> Repos,
    IReadOnlyList<FakeConfigSetSummary> ConfigSets,
    IReadOnlyList<FakeAddonInstanceSummary> AddonInstances,
    IReadOnlyList<FakeRecordSetSummary> RecordSets);
