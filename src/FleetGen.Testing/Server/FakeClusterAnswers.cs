using System.Globalization;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>The cluster answers, in the contract's models (ShowCluster, ShowClusterList, ListManagedClusters).</summary>
internal static class FakeClusterAnswers
{
    /// <summary>The CCE cluster of the documented ListManagedClusters example: in the caller's account, not registered until someone registers it.</summary>
    public static readonly (string Id, string Name) DocumentedCceCluster = ("57ef11e7-7d72-11ee-a590-0255ac100b05", "cluster-test");

    public const string DocumentedProjectId = "b6315dd3d0ff4be5b31a963256794989";

    public static Cluster Cluster(FakeCluster cluster, Uri kubernetesUrl, bool withStatus) => new()
    {
        Kind = "Cluster",
        ApiVersion = "v1",
        Metadata = new ObjectMeta
        {
            Uid = cluster.Id,
            Name = cluster.Name,
            CreationTimestamp = Time(cluster.Created),
            Labels = cluster.Labels.Count > 0 ? new Dictionary<string, string>(cluster.Labels) : null,

            // The kubeconfig annotation of an attached cluster is its credentials: it is never answered.
            Annotations = cluster.Annotations.Where(a => a.Key != "kubeconfig").ToDictionary() is { Count: > 0 } annotations ? annotations : null,
        },
        Spec = new ClusterSpec
        {
            ClusterGroupID = cluster.FleetId ?? string.Empty,
            ManageType = cluster.FleetId is null ? "discrete" : "grouped",
            Category = cluster.Category,
            Type = cluster.Type,
            Provider = cluster.Provider,
            Country = cluster.Country,
            City = cluster.City,
            Region = cluster.Region,
            ProjectID = cluster.ProjectId,
            IsDownloadedCert = cluster.AccessInfoDownloaded,
            RuleNamespaces = cluster.Rules.Count > 0
                ? [.. cluster.Rules.Select(r => new RuleNamespace { Rules = [.. r.RuleIds.Select(id => new RuleInfo { RuleID = id })], Namespaces = [.. r.Namespaces] })]
                : null,
        },
        Status = withStatus ? Status(cluster, kubernetesUrl) : null,
    };

    /// <summary>A CCE cluster of the caller's account as ListManagedClusters lists it.</summary>
    public static Cluster Managed(string id, string name, DateTimeOffset created, Uri kubernetesUrl) => new()
    {
        Kind = "Cluster",
        ApiVersion = "v1",
        Metadata = new ObjectMeta { Uid = id, Name = name, CreationTimestamp = Time(created) },
        Spec = new ClusterSpec { ApiEndpoint = Url(kubernetesUrl), Type = "cce", Category = FakeCluster.SelfCategory, Country = "*", ProjectID = DocumentedProjectId },
        Status = new ClusterStatus
        {
            KubernetesVersion = FakeCluster.KubernetesVersion,
            Phase = FakeCluster.Available,
            Conditions = [new ConditionStatus { Type = "Ready", Status = "True", Reason = "ClusterAvailable", LastTransitionTime = Time(created) }],
            Endpoints = [new ClusterEndpoint { Url = Url(kubernetesUrl), Type = "Internal" }],
        },
    };

    private static ClusterStatus Status(FakeCluster cluster, Uri kubernetesUrl) => new()
    {
        KubernetesVersion = FakeCluster.KubernetesVersion,
        Phase = cluster.Status,
        Conditions =
        [
            new ConditionStatus { Type = "Ready", Status = cluster.IsAvailable ? "True" : "False", Reason = cluster.IsAvailable ? "ClusterAvailable" : "ClusterInitializing", LastTransitionTime = Time(cluster.Created) },
            new ConditionStatus { Type = "Cluster", Status = cluster.Status, Reason = "Cluster" + cluster.Status, LastTransitionTime = Time(cluster.Created) },
        ],
        Endpoints = cluster.IsAvailable ? [new ClusterEndpoint { Url = Url(kubernetesUrl), Type = "Internal" }] : [],
        ArrearFreeze = "false",
        PoliceFreeze = "false",
    };

    private static string Url(Uri url) => url.ToString().TrimEnd('/');

    /// <summary>RFC 3339 without fractions, the format of the documented cluster examples.</summary>
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
