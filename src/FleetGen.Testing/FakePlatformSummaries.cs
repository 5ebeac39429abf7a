namespace FleetGen.Testing;

/// <summary>A permission policy of a <see cref="FakeUcsServer"/>: its uid, name, type (readonly, develop, admin, custom) and IAM users.</summary>
public sealed record FakePermissionRule(string Uid, string Name, string Type, IReadOnlyList<string> IamUserIds);

/// <summary>A policy instance: its uid, the name of its definition, its target (scope fleet or cluster, and id) and enforcement action (warn or deny).</summary>
public sealed record FakePolicyInstanceSummary(string Uid, string Definition, string TargetScope, string TargetId, string EnforcementAction);

/// <summary>A policy job: its uid, type (EnablePolicy, DisablePolicy, CreatePolicyInstance, UpdatePolicyInstance, DeletePolicyInstance), target (<c>fleet/&lt;id&gt;</c> or <c>cluster/&lt;id&gt;</c>) and status (Running, Succeeded, Failed).</summary>
public sealed record FakePolicyJobSummary(string Uid, string Type, string Target, string Status);

/// <summary>The GitOps add-on of a cluster: the id of the job that started its last change, and its state (Installing, Installed, Failed, Uninstalling).</summary>
public sealed record FakeGitOpsSummary(string ClusterId, string JobId, string State);

/// <summary>A configuration set: uid, cluster, namespace, name, the repository source it deploys from, and its status (Progressing, Health, Failed).</summary>
public sealed record FakeConfigSetSummary(string Uid, string ClusterId, string Namespace, string Name, string? RepoName, string Status);

/// <summary>A repository source: uid, cluster, name and Git URL (its credentials are not kept).</summary>
public sealed record FakeRepoSummary(string Uid, string ClusterId, string Name, string Url);

/// <summary>An add-on instance: uid, cluster, template, the version running (none before the first installation ends) and status (installing, upgrading, deleting, running, installFailed, upgradeFailed).</summary>
public sealed record FakeAddonInstanceSummary(string Uid, string ClusterId, string Template, string? Version, string Status);

/// <summary>A DNS record set: id, zone, name, type (A or CNAME) and records.</summary>
public sealed record FakeRecordSetSummary(string Id, string ZoneId, string Name, string Type, IReadOnlyList<string> Records);
