namespace FleetGen.Testing.Server;

/// <summary>
/// One fleet of the fake: its name and settings, and its federation, moving through the states UCS documents: a job
/// runs (Creating, Deleting, Upgrading, Rollback), ends (Available or Connected, or a ...Failed state), and its effect
/// is applied once. Its member clusters are the clusters whose <see cref="FakeCluster.FleetId"/> is its id.
/// Every member is called under the state's lock (<see cref="FakeUcsState.WithFleet{T}"/>, <see cref="FakeUcsState.WithInventory{T}"/>).
/// </summary>
internal sealed class FakeFleet(string id, TimeSpan step)
{
    private static readonly string[] CreateSteps = ["InstallFederationChart", "CreateNetworkResource", "CreateCert", "CreateNode"];

    public string Id { get; } = id;

    public string Name { get; set; } = id;

    public string Description { get; set; } = string.Empty;

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Orders fleets created at the same instant.</summary>
    public long Sequence { get; init; }

    /// <summary>The permission policies associated with the fleet and their namespaces (UpdateClusterGroupAssociatedRules).</summary>
    public IReadOnlyList<FakeRuleBinding> Rules { get; set; } = [];

    /// <summary>The federation's DNS suffixes (UpdateClusterGroupAssociatedZones).</summary>
    public IReadOnlyList<string> DnsSuffix { get; set; } = ["svc.cluster.local"];

    /// <summary>The federated workloads, by kind, namespace and name.</summary>
    public Dictionary<FakeWorkloadKey, Contract.MutiWorkload> Workloads { get; } = [];

    public bool Federated { get; private set; }

    public string? FederationId { get; private set; }

    public string Version { get; private set; } = FakeFederationVersions.Initial;

    public string? PreviousVersion { get; private set; }

    public DateTimeOffset? Expiry { get; private set; }

    public List<FakeEndpoint> Endpoints { get; } = [];

    public FakeJob? Job { get; private set; }

    /// <summary>A fleet made now, with federation enabled (Available) or not.</summary>
    public static FakeFleet Create(string id, string name, string description, bool federated, TimeSpan step, DateTimeOffset now, long sequence)
    {
        var fleet = new FakeFleet(id, step) { Name = name, Description = description, Created = now, Updated = now, Sequence = sequence };
        if (federated)
        {
            fleet.MakeFederation(now);
        }

        return fleet;
    }

    /// <summary>Applies the effect of a job that ended successfully, once.</summary>
    public void Refresh(DateTimeOffset now)
    {
        if (Job is not { Applied: false } job || job.At(now) is not { Succeeded: true })
        {
            return;
        }

        job.Applied = true;
        switch (job.Type)
        {
            case "CreateFederation":
                MakeFederation(now);
                break;
            case "DeleteFederation":
                Federated = false;
                FederationId = null;
                Expiry = null;
                Endpoints.Clear();
                break;
            case "UpgradeFederation":
                PreviousVersion = Version;
                Version = job.TargetVersion ?? Version;
                break;
            case "RollbackFederation":
                Version = PreviousVersion ?? Version;
                PreviousVersion = null;
                break;
        }
    }

    public bool JobRunning(DateTimeOffset now) => Job is { } job && job.At(now).Running;

    public FakeJob StartJob(string type, DateTimeOffset now, FakeJobScript? script, string? targetVersion = null)
    {
        var subJobs = type == "CreateFederation" ? CreateSteps : [];
        if (script is { FailingSubJob: { } failing })
        {
            script = script with { FailingStep = Math.Max(0, Array.IndexOf(subJobs, failing)) };
        }

        Job = new FakeJob(type, subJobs, now, step, script, targetVersion);
        return Job;
    }

    /// <summary>The status of the Federation condition, or null when the fleet has never had federation.</summary>
    public string? FederationStatus(DateTimeOffset now)
    {
        if (Job is { } job && job.At(now) is { Succeeded: false } state)
        {
            var running = state.Running;
            return job.Type switch
            {
                "CreateFederation" => running ? "Creating" : "CreateFailed",
                "DeleteFederation" => running ? "Deleting" : "DeleteFailed",
                "UpgradeFederation" => running ? "Upgrading" : "UpgradeFailed",
                _ => running ? "Rollback" : "RollbackFailed",
            };
        }

        return Federated ? (Endpoints.Count > 0 ? "Connected" : "Available") : null;
    }

    public FakeEndpoint AddEndpoint(string region)
    {
        var endpoint = new FakeEndpoint(Guid.NewGuid().ToString() + "0", $"{Id}-federation-{Endpoints.Count + 1}", region);
        Endpoints.Add(endpoint);
        return endpoint;
    }

    private void MakeFederation(DateTimeOffset now)
    {
        Federated = true;
        FederationId = Guid.NewGuid().ToString();
        Expiry = now.AddYears(1);
    }
}

/// <summary>A VPC endpoint of a fleet's federation connection. The id is opaque and not a UUID (37 characters).</summary>
internal sealed record FakeEndpoint(string Id, string Name, string Region);
