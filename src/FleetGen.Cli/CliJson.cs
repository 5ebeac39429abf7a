using System.Text.Json.Serialization;

namespace FleetGen.Cli;

/// <summary>
/// The shapes of <c>--output json</c>, serialized by System.Text.Json's source generator (no reflection, so Native AOT
/// keeps them): property order is declaration order, names are camelCase, a missing value is written as <c>null</c>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SummaryJson))]
[JsonSerializable(typeof(DryRunJson))]
[JsonSerializable(typeof(FleetJson))]
[JsonSerializable(typeof(JobReportJson))]
[JsonSerializable(typeof(NoJobJson))]
[JsonSerializable(typeof(StartedJson))]
[JsonSerializable(typeof(ConnectionJson))]
[JsonSerializable(typeof(FleetListJson))]
[JsonSerializable(typeof(FleetCreatedJson))]
[JsonSerializable(typeof(FleetDeletedJson))]
[JsonSerializable(typeof(FleetClustersJson))]
[JsonSerializable(typeof(ClusterListJson))]
[JsonSerializable(typeof(ClusterJson))]
[JsonSerializable(typeof(VersionsJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>get-credentials' result.</summary>
internal sealed record SummaryJson(string? Kubeconfig, string Context, string? CurrentContext, string? PreviousContext, string? Server, string? CertificateExpiry, string? CredentialCache, IReadOnlyList<string> Warnings);

/// <summary>get-credentials --dry-run's report.</summary>
internal sealed record DryRunJson(bool DryRun, string Call, string? Kubeconfig, IReadOnlyList<DryRunChangeJson> Changes, string? CurrentContextBefore, string? CurrentContextAfter, DryRunExecJson? Exec, string? CredentialCache);

/// <summary>One change a dry run would make to a kubeconfig file.</summary>
internal sealed record DryRunChangeJson(string Action, string Section, string Name, string File);

/// <summary>The exec credential plugin a dry run would write into the kubeconfig.</summary>
internal sealed record DryRunExecJson(string Command, IReadOnlyList<string> Args);

/// <summary>A fleet's federation.</summary>
internal sealed record FleetJson(string Fleet, FederationConditionJson? Federation, string? Version, string? Expires, IReadOnlyList<EndpointJson> Endpoints, string? Name, string? Description, IReadOnlyList<string> Clusters);

/// <summary>The federation condition of a fleet.</summary>
internal sealed record FederationConditionJson(string? Status, string? Reason, string? Message);

/// <summary>A connection endpoint of a fleet.</summary>
internal sealed record EndpointJson(string? Id, string? Type, string? Name, string? Region);

/// <summary>A fleet's federation job, <c>null</c> when it has none any more.</summary>
internal sealed record JobReportJson(string Fleet, JobJson? Job);

/// <summary>A federation job.</summary>
internal sealed record JobJson(string? Id, string? Type, string? Phase, string? Reason, string? StartTime, string? CompletionTime, IReadOnlyList<SubJobJson> SubJobs);

/// <summary>A sub-job of a federation job.</summary>
internal sealed record SubJobJson(string? Type, string? Phase, string? Reason);

/// <summary>A federated fleet that shows no job.</summary>
internal sealed record NoJobJson(string Fleet, JobJson? Job, FederationStatusJson Federation);

/// <summary>The federation status alone.</summary>
internal sealed record FederationStatusJson(string Status);

/// <summary>A federation job that was started.</summary>
internal sealed record StartedJson(string Fleet, string Started, string? JobId);

/// <summary>A fleet's federation connection.</summary>
internal sealed record ConnectionJson(string Fleet, string EndpointId, bool Created);

/// <summary>fleet list: every fleet.</summary>
internal sealed record FleetListJson(IReadOnlyList<FleetItemJson> Fleets);

/// <summary>A fleet in a list.</summary>
internal sealed record FleetItemJson(string? Id, string? Name, string? Federation, string? Version, string? Description);

/// <summary>fleet create: the new fleet.</summary>
internal sealed record FleetCreatedJson(string? Id, string Name, IReadOnlyList<string> Clusters);

/// <summary>fleet delete: the fleet deleted.</summary>
internal sealed record FleetDeletedJson(string Id, bool Deleted);

/// <summary>fleet add-cluster and remove-cluster: the clusters added to or removed from a fleet.</summary>
internal sealed record FleetClustersJson(string Fleet, string Action, IReadOnlyList<string> Clusters);

/// <summary>cluster list: the clusters, of one fleet or of every fleet (<c>fleet</c> null).</summary>
internal sealed record ClusterListJson(string? Fleet, IReadOnlyList<ClusterJson> Clusters);

/// <summary>A registered cluster.</summary>
internal sealed record ClusterJson(string? Id, string? Name, string? Fleet, string? Type, string? Category, string? ManageType, string? Phase, string? KubernetesVersion, string? Region);

/// <summary>federation versions: each current version and its upgrade targets; with --fleet, the fleet's version and its row alone.</summary>
internal sealed record VersionsJson(string? Fleet, string? CurrentVersion, IReadOnlyList<VersionJson> Versions);

/// <summary>A federation version and the versions it can be upgraded to.</summary>
internal sealed record VersionJson(string Current, IReadOnlyList<string> Targets);
