using FleetGen.Testing.Contract;
using FleetGen.Testing.Server;

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
        return state.Platform.Rules.Seed(name, PresetRule(type, iamUserIds));
    }

    /// <summary>Adds a permission policy as <see cref="AddPermissionRule(string, string, string[])"/> does, with the uid <paramref name="uid"/> (replacing the policy that has it).</summary>
    public void AddPermissionRuleWithUid(string uid, string name, string type = "readonly", params string[] iamUserIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        state.Platform.Rules.Seed(name, PresetRule(type, iamUserIds), uid);
    }

    /// <summary>
    /// Adds a policy instance with the uid <paramref name="instanceId"/> (replacing the one that has it) on the known
    /// cluster <paramref name="clusterId"/>, made from the policy definition <paramref name="definitionId"/> with
    /// enforcement action warn: as if the policy center had been enabled there and the instance's create job
    /// (<paramref name="createJobId"/> when given) had succeeded one step of the clock ago.
    /// </summary>
    public void AddPolicyInstance(string instanceId, string clusterId, string definitionId, string? createJobId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        RequireCluster(clusterId);
        var settings = new UcsConstraintRequest { ConstraintTemplateID = definitionId, EnforcementAction = UcsConstraintRequestEnforcementAction.Warn };
        Seeded(state.Platform.Policy.SeedInstance(instanceId, new FakePolicyTarget(FakePolicyTarget.Cluster, clusterId), settings, createJobId), nameof(definitionId));
    }

    /// <summary>Adds a repository source with the uid <paramref name="repoId"/> (replacing the one that has it) to the known cluster <paramref name="clusterId"/>, as CreateRepo would: named <paramref name="name"/>, in namespace default, of the Git repository <paramref name="url"/>.</summary>
    public void AddRepo(string repoId, string clusterId, string name, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        RequireCluster(clusterId);
        var body = new CreateRepoRequestBody { Name = name, Namespace = "default", GitRepositorySpec = new GitRepositorySpec { Url = url }, ClusterInfo = new ClusterInfo { ClusterID = clusterId } };
        Seeded(state.Platform.ConfigSets.CreateRepo(body, repoId).Refusal, nameof(name));
    }

    /// <summary>Adds a Kustomization configuration set with the uid <paramref name="configSetId"/> (replacing the one that has it) to the known cluster <paramref name="clusterId"/>, as CreateConfigSet would: named <paramref name="name"/>, in namespace default, from the repository source <paramref name="repoName"/>.</summary>
    public void AddConfigSet(string configSetId, string clusterId, string name, string repoName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configSetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(repoName);
        RequireCluster(clusterId);
        var body = new CreateConfigSetRequestBody { Name = name, Namespace = "default", ConfigSetType = "Kustomization", RepoName = repoName, ClusterInfo = new ClusterInfo { ClusterID = clusterId } };
        Seeded(state.Platform.ConfigSets.CreateConfigSet(body, configSetId).Refusal, nameof(name));
    }

    /// <summary>Installs an add-on instance with the uid <paramref name="instanceId"/> (replacing the one that has it) in the known cluster <paramref name="clusterId"/>, as CreateAddonInstance would: of the catalogue's template <paramref name="templateName"/> at <paramref name="version"/>, installing for one step of the clock.</summary>
    public void AddAddonInstance(string instanceId, string clusterId, string templateName, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        RequireCluster(clusterId);
        var body = new AddonInstanceRequestBody { Spec = new AddonInstanceSpec { ClusterID = clusterId, AddonTemplateName = templateName, Version = version } };
        Seeded(state.Platform.Addons.Create(body, instanceId).Refusal, nameof(templateName));
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

    private static RuleSpec PresetRule(string type, string[] iamUserIds) => new()
    {
        Type = type switch
        {
            "readonly" => RuleSpecType.Readonly,
            "develop" => RuleSpecType.Develop,
            "admin" => RuleSpecType.Admin,
            _ => throw new ArgumentException($"type must be readonly, develop or admin (a custom policy needs contents: create it through the API), not '{type}'.", nameof(type)),
        },
        IamUserIDs = [.. iamUserIds],
    };

    private void RequireCluster(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        if (!state.HasCluster(clusterId))
        {
            throw new ArgumentException($"The fake has no cluster {clusterId}: add it first (AddCluster).", nameof(clusterId));
        }
    }

    /// <summary>A seed the model refuses (an unknown template or definition, a name taken) is the caller's mistake.</summary>
    private static void Seeded(FakeRefusal? refusal, string parameter)
    {
        if (refusal is { } refused)
        {
            throw new ArgumentException(refused.Message, parameter);
        }
    }
}
