namespace FleetGen.Testing.Server;

/// <summary>
/// One registered cluster of the fake. A CCE cluster (category self) is Available once registered; an attached or
/// on-premises cluster is Initializing (the documented Cluster condition status) until it is activated
/// (RetryClusterActivation). Its fleet, when it has one, is <see cref="FleetId"/>; the fleet's clusterIds are read from here.
/// Every member is called under the state's lock (<see cref="FakeUcsState.WithInventory{T}"/>).
/// </summary>
internal sealed class FakeCluster(string id, string name)
{
    public const string Initializing = "Initializing";
    public const string Available = "Available";

    /// <summary>The category of UCS's own (CCE) clusters; every other category is activated by its agent.</summary>
    public const string SelfCategory = "self";

    public const string AttachedCategory = "attachedcluster";

    public const string OnPremisesCategory = "onpremise";

    /// <summary>The Kubernetes version clusters report: the fake Kubernetes endpoint's.</summary>
    public const string KubernetesVersion = "v1.32";

    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Category { get; init; } = SelfCategory;

    public string Type { get; init; } = "cce";

    public string Provider { get; init; } = string.Empty;

    public string Country { get; set; } = "*";

    public string City { get; set; } = string.Empty;

    public string Region { get; init; } = string.Empty;

    public string ProjectId { get; init; } = string.Empty;

    /// <summary>The CCE cluster's own id, for a cluster registered from ListManagedClusters.</summary>
    public string? CceId { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public Dictionary<string, string> Annotations { get; init; } = [];

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Orders clusters created at the same instant.</summary>
    public long Sequence { get; init; }

    /// <summary>The cluster's fleet, or null when it is in none (manageType discrete).</summary>
    public string? FleetId { get; private set; }

    /// <summary>Orders a fleet's clusters by when they joined it.</summary>
    public long JoinSequence { get; private set; }

    /// <summary>The status of the cluster's Cluster condition (and its phase): <see cref="Initializing"/> or <see cref="Available"/>.</summary>
    public string Status { get; set; } = Available;

    /// <summary>Whether the agent's access information (its certificate) was downloaded: it can be once.</summary>
    public bool AccessInfoDownloaded { get; set; }

    /// <summary>The permission policies associated with the cluster and their namespaces (UpdateClusterRules).</summary>
    public IReadOnlyList<FakeRuleBinding> Rules { get; set; } = [];

    public bool IsSelf => Category == SelfCategory;

    public bool IsAvailable => Status == Available;

    public void Join(string fleetId, long sequence)
    {
        FleetId = fleetId;
        JoinSequence = sequence;
    }

    public void Leave() => FleetId = null;
}
