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
}
