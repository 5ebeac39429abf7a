using FleetGen.Testing.Contract;

namespace FleetGen.Testing;

/// <summary>Seeding and inspecting the platform state: permission policies, policy center, GitOps, add-ons, record sets, quotas.</summary>
public sealed partial class FakeUcsServer
{
    /// <summary>The permission policies, oldest first.</summary>
    public IReadOnlyList<FakePermissionRule> PermissionRules => state.Platform.Rules.Snapshot();

    /// <summary>Where the policy center is enabled, as <c>fleet/&lt;id&gt;</c> and <c>cluster/&lt;id&gt;</c>, in order.</summary>
    public IReadOnlyList<string> PolicyCenters => state.Platform.Policy.Snapshot().EnabledOn;

    /// <summary>The policy instances, oldest first (those whose create job has succeeded).</summary>
    public IReadOnlyList<FakePolicyInstanceSummary> PolicyInstances => state.Platform.Policy.Snapshot().Instances;

    /// <summary>Every policy job, in the order started, with its status on the server's clock.</summary>
    public IReadOnlyList<FakePolicyJobSummary> PolicyJobs => state.Platform.Policy.Snapshot().Jobs;

    /// <summary>The clusters' GitOps add-ons, by cluster id.</summary>
    public IReadOnlyList<FakeGitOpsSummary> GitOpsAddons => state.Platform.GitOps.Snapshot();

    /// <summary>The configuration sets, in the order created.</summary>
    public IReadOnlyList<FakeConfigSetSummary> ConfigSets => state.Platform.ConfigSets.Snapshot();

    /// <summary>The repository sources, in the order created.</summary>
    public IReadOnlyList<FakeRepoSummary> Repos => state.Platform.ConfigSets.RepoSnapshot();

    /// <summary>The add-on instances, in the order installed (an uninstalled one is gone).</summary>
    public IReadOnlyList<FakeAddonInstanceSummary> AddonInstances => state.Platform.Addons.Snapshot();

    /// <summary>The DNS record sets, in the order created.</summary>
    public IReadOnlyList<FakeRecordSetSummary> RecordSets => state.Platform.RecordSets.Snapshot();

    /// <summary>Adds a permission policy of a preset type (readonly, develop or admin) without the quota check; returns its uid.</summary>
    public string AddPermissionRule(string name, string type = "readonly", params string[] iamUserIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var preset = type switch
        {
            "readonly" => RuleSpecType.Readonly,
            "develop" => RuleSpecType.Develop,
            "admin" => RuleSpecType.Admin,
            _ => throw new ArgumentException($"type must be readonly, develop or admin (a custom policy needs contents: create it through the API), not '{type}'.", nameof(type)),
        };
        return state.Platform.Rules.Seed(name, new RuleSpec { Type = preset, IamUserIDs = [.. iamUserIds] });
    }

    /// <summary>The next policy job (enable, disable, or a policy instance's create, update or delete) fails when it ends, with <paramref name="reason"/>; its effect is not applied.</summary>
    public void FailNextPolicyJob(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        state.Platform.Policy.FailNextJob(reason);
    }

    /// <summary>The next GitOps installation fails: its first pod ends Failed with <paramref name="reason"/>, until an enable with retry.</summary>
    public void FailNextGitOpsInstall(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        state.Platform.GitOps.FailNextInstall(reason);
    }

    /// <summary>The next add-on installation or upgrade fails (installFailed, upgradeFailed) with <paramref name="reason"/> in status.Reason.</summary>
    public void FailNextAddonChange(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        state.Platform.Addons.FailNextChange(reason);
    }

    /// <summary>Adds an add-on template (or replaces the one of that name) with its versions, oldest first.</summary>
    public void AddAddonTemplate(string name, params string[] versions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (versions is not { Length: > 0 })
        {
            throw new ArgumentException("An add-on template needs at least one version.", nameof(versions));
        }

        state.Platform.Addons.AddTemplate(name, versions);
    }

    /// <summary>Sets the account's quota of a resource type: cluster, clustergroup, rule (enforced when creating permission policies) or federation.</summary>
    public void SetQuota(string type, long quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota);
        if (!state.Platform.Quotas.Set(type, quota))
        {
            throw new ArgumentException($"type must be cluster, clustergroup, rule or federation, not '{type}'.", nameof(type));
        }
    }
}
