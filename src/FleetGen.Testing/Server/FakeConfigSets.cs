using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// Repository sources and configuration sets, per cluster. A source's name is unique in its cluster (409 otherwise,
/// as is a configuration set's in its cluster and namespace). A configuration set is Progressing for one step of the
/// server's clock, then Health when its repository source (repoName, or an inline Git repository) exists, else
/// Failed. Credentials are kept as their authMode only: no answer carries a secret. Thread-safe.
/// </summary>
internal sealed class FakeConfigSets(FakeUcsServerOptions options)
{
    private readonly object gate = new();
    private readonly List<FakeRepo> repos = [];
    private readonly List<FakeConfigSet> configSets = [];
    private long sequence;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    /// <summary>Creates a repository source (with <paramref name="uid"/> when seeding, replacing the source that has it).</summary>
    public FakeOutcome<CreatedUid> CreateRepo(CreateRepoRequestBody body, string? uid = null)
    {
        if (string.IsNullOrEmpty(body.Name))
        {
            return FakeRefusal.BadBody("name", "is required");
        }

        if (body.GitRepositorySpec?.Url is not { Length: > 0 })
        {
            return FakeRefusal.BadBody("gitRepositorySpec.url", "is required");
        }

        var clusterId = body.ClusterInfo?.ClusterID!;
        lock (gate)
        {
            if (uid is not null)
            {
                repos.RemoveAll(r => r.Uid == uid);
            }

            if (repos.Exists(r => r.ClusterId == clusterId && r.Name == body.Name))
            {
                return FakeRefusal.Conflict($"a repository source named {body.Name} exists in cluster {clusterId}");
            }

            var now = Now;
            var repo = new FakeRepo(uid ?? Guid.NewGuid().ToString(), clusterId, ++sequence, now)
            {
                Name = body.Name,
                Namespace = body.Namespace ?? "default",
                Git = body.GitRepositorySpec,
                AuthMode = body.SecretInfo?.AuthMode,
                Updated = now,
            };
            repos.Add(repo);
            return new CreatedUid { Uid = repo.Uid };
        }
    }

    public FakeOutcome<RepoList> ListRepos(string clusterId, int? limit, int? offset, Order_by? orderBy, Order? order)
    {
        if (FakePage.Refusal(limit, offset) is { } refused)
        {
            return refused;
        }

        lock (gate)
        {
            var mine = repos.Where(r => r.ClusterId == clusterId).ToList();
            return new RepoList { Items = FakePage.Of(mine, limit, offset, orderBy, order).Select(RepoAnswer).ToList(), Total = mine.Count };
        }
    }

    public FakeRefusal? UpdateRepo(string uid, UpdateRepoRequestBody body)
    {
        lock (gate)
        {
            if (repos.Find(r => r.Uid == uid) is not { } repo)
            {
                return FakeRefusal.NotFound($"repository source {uid}");
            }

            if (body.Name is { Length: > 0 } name && name != repo.Name && repos.Exists(r => r.ClusterId == repo.ClusterId && r.Name == name))
            {
                return FakeRefusal.Conflict($"a repository source named {name} exists in cluster {repo.ClusterId}");
            }

            repo.Name = body.Name is { Length: > 0 } ? body.Name : repo.Name;
            repo.Namespace = body.Namespace is { Length: > 0 } ? body.Namespace : repo.Namespace;
            repo.Git = body.GitRepositorySpec ?? repo.Git;
            repo.AuthMode = body.SecretInfo?.AuthMode ?? repo.AuthMode;
            repo.Updated = Now;
            return null;
        }
    }

    public FakeRefusal? DeleteRepo(string uid)
    {
        lock (gate)
        {
            return repos.RemoveAll(r => r.Uid == uid) == 0 ? FakeRefusal.NotFound($"repository source {uid}") : null;
        }
    }

    /// <summary>Creates a configuration set (with <paramref name="uid"/> when seeding, replacing the set that has it).</summary>
    public FakeOutcome<CreatedUid> CreateConfigSet(CreateConfigSetRequestBody body, string? uid = null)
    {
        var clusterId = body.ClusterInfo?.ClusterID!;
        lock (gate)
        {
            if (uid is not null)
            {
                configSets.RemoveAll(c => c.Uid == uid);
            }

            if (configSets.Exists(c => c.ClusterId == clusterId && c.Namespace == body.Namespace && c.Name == body.Name))
            {
                return FakeRefusal.Conflict($"a configuration set named {body.Name} exists in namespace {body.Namespace} of cluster {clusterId}");
            }

            var now = Now;
            var configSet = new FakeConfigSet(uid ?? Guid.NewGuid().ToString(), clusterId, body.ClusterInfo?.ClusterName, body.ConfigSetType ?? "Kustomization", ++sequence, now)
            {
                Name = body.Name,
                Namespace = body.Namespace,
                RepoName = body.RepoName ?? body.KustomizationSpec?.SourceRef?.Name,
                InlineGit = body.GitRepositorySpec,
                Kustomization = body.KustomizationSpec,
                Updated = now,
            };
            configSets.Add(configSet);
            return new CreatedUid { Uid = configSet.Uid };
        }
    }

    public FakeOutcome<ConfigSetList> ListConfigSets(string clusterId, int? limit, int? offset, Order_by? orderBy, Order? order)
    {
        if (FakePage.Refusal(limit, offset) is { } refused)
        {
            return refused;
        }

        lock (gate)
        {
            var mine = configSets.Where(c => c.ClusterId == clusterId).ToList();
            return new ConfigSetList { Items = FakePage.Of(mine, limit, offset, orderBy, order).Select(c => ConfigSetAnswer(c, detailed: false)).ToList(), Total = mine.Count };
        }
    }

    public FakeOutcome<ConfigSet> ShowConfigSet(string uid)
    {
        lock (gate)
        {
            return configSets.Find(c => c.Uid == uid) is { } configSet ? ConfigSetAnswer(configSet, detailed: true) : FakeRefusal.NotFound($"configuration set {uid}");
        }
    }

    public FakeRefusal? UpdateConfigSet(string uid, UpdateConfigSetRequestBody body)
    {
        lock (gate)
        {
            if (configSets.Find(c => c.Uid == uid) is not { } configSet)
            {
                return FakeRefusal.NotFound($"configuration set {uid}");
            }

            configSet.Name = body.Name is { Length: > 0 } ? body.Name : configSet.Name;
            configSet.Namespace = body.Namespace is { Length: > 0 } ? body.Namespace : configSet.Namespace;
            configSet.Kustomization = body.KustomizationSpec ?? configSet.Kustomization;
            configSet.Generation++;
            configSet.Updated = Now;
            return null;
        }
    }

    public FakeRefusal? DeleteConfigSet(string uid)
    {
        lock (gate)
        {
            return configSets.RemoveAll(c => c.Uid == uid) == 0 ? FakeRefusal.NotFound($"configuration set {uid}") : null;
        }
    }

    /// <summary>The health counts over every configuration set, and one page of per-cluster counts (clusters by id).</summary>
    public FakeOutcome<GitopsStatistics> Statistics(int? limit, int? offset)
    {
        if (FakePage.Refusal(limit, offset) is { } refused)
        {
            return refused;
        }

        lock (gate)
        {
            var now = Now;
            var statuses = configSets.Select(c => (c.ClusterId, Status: ConfigSetStatus(c, now))).ToList();
            int Count(IEnumerable<(string ClusterId, string Status)> of, string status) => of.Count(s => s.Status == status);
            var clusters = statuses.Select(s => s.ClusterId).Concat(repos.Select(r => r.ClusterId)).Distinct().Order(StringComparer.Ordinal).ToList();
            var page = clusters.Skip(offset ?? 0).Take(limit is null or -1 ? int.MaxValue : limit.Value);
            return new GitopsStatistics
            {
                OverviewStatus = new OverviewReconcileStatus
                {
                    ConfigSetTotalNum = statuses.Count,
                    HealthStatusNum = Count(statuses, "Health"),
                    FailedStatusNum = Count(statuses, "Failed"),
                    UnknownStatusNum = Count(statuses, "Unknown"),
                    ProgressingStatusNum = Count(statuses, "Progressing"),
                },
                Items = page.Select(id =>
                {
                    var mine = statuses.Where(s => s.ClusterId == id).ToList();
                    return new ClusterReconcileStatus
                    {
                        ClusterID = id,
                        ConfigSetTotalNum = mine.Count,
                        HealthStatusNum = Count(mine, "Health"),
                        FailedStatusNum = Count(mine, "Failed"),
                        UnknownStatusNum = Count(mine, "Unknown"),
                        ProgressingStatusNum = Count(mine, "Progressing"),
                        K8sResourceNum = 0,
                        SourceRepoNum = repos.Count(r => r.ClusterId == id),
                    };
                }).ToList(),
                Total = clusters.Count,
            };
        }
    }

    public IReadOnlyList<FakeConfigSetSummary> Snapshot()
    {
        lock (gate)
        {
            var now = Now;
            return configSets.Select(c => new FakeConfigSetSummary(c.Uid, c.ClusterId, c.Namespace, c.Name, c.RepoName, ConfigSetStatus(c, now))).ToList();
        }
    }

    public IReadOnlyList<FakeRepoSummary> RepoSnapshot()
    {
        lock (gate)
        {
            return repos.Select(r => new FakeRepoSummary(r.Uid, r.ClusterId, r.Name, r.Git.Url)).ToList();
        }
    }

    private FakeRepo? Source(FakeConfigSet configSet) => repos.Find(r => r.ClusterId == configSet.ClusterId && r.Name == configSet.RepoName);

    private string ConfigSetStatus(FakeConfigSet configSet, DateTimeOffset now) =>
        now < configSet.Updated + options.PlatformStepDuration ? "Progressing"
        : Source(configSet) is not null || configSet.InlineGit is not null ? "Health"
        : "Failed";

    private static Repo RepoAnswer(FakeRepo repo) => new()
    {
        Uid = repo.Uid,
        Name = repo.Name,
        Namespace = repo.Namespace,
        RepoType = "GitRepository",
        RepoStatus = "Health",
        GitRepository = new GitRepository { Spec = repo.Git },
        ClusterInfo = new ClusterInfo { ClusterID = repo.ClusterId },
        SecretInfo = repo.AuthMode is null ? null : new SecretInfo { AuthMode = repo.AuthMode },
    };

    private ConfigSet ConfigSetAnswer(FakeConfigSet configSet, bool detailed)
    {
        var source = Source(configSet);
        var git = source?.Git ?? configSet.InlineGit;
        var status = ConfigSetStatus(configSet, Now);
        var revision = git is null ? null : $"{git.Ref?.Branch ?? "main"}@sha1:{configSet.Uid[..Math.Min(8, configSet.Uid.Length)]}";
        return new ConfigSet
        {
            Uid = configSet.Uid,
            Name = configSet.Name,
            Namespace = configSet.Namespace,
            ConfigSetType = configSet.Type,
            RepoName = configSet.RepoName,
            RepoStatus = git is null ? "Unknown" : "Health",
            ConfigSetStatus = status,
            ClusterInfo = new ClusterInfo { ClusterID = configSet.ClusterId, ClusterName = configSet.ClusterName },
            GitRepository = !detailed || git is null ? null : new GitRepository
            {
                Metadata = new GitRepositoryMetaData { Name = source?.Name ?? configSet.Name, Namespace = source?.Namespace ?? configSet.Namespace, Generation = 1 },
                Spec = git,
                Status = new GitRepositoryStatus { ObservedGeneration = 1, Artifact = new Artifact { Revision = revision } },
            },
            Kustomization = !detailed ? null : new Kustomization
            {
                Metadata = new KustomizationMetaData { Name = configSet.Name, Namespace = configSet.Namespace, Uid = configSet.Uid, Generation = configSet.Generation, CreationTimestamp = FakeTime.Rfc3339(configSet.Created) },
                Spec = configSet.Kustomization,
                Status = new KustomizationStatus { ObservedGeneration = status == "Progressing" ? configSet.Generation - 1 : configSet.Generation, LastAttemptedRevision = revision },
            },
        };
    }

    private sealed class FakeRepo(string uid, string clusterId, long sequence, DateTimeOffset created) : IFakeDated
    {
        public string Uid { get; } = uid;

        public string ClusterId { get; } = clusterId;

        public long Sequence { get; } = sequence;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset Updated { get; set; }

        public required string Name { get; set; }

        public required string Namespace { get; set; }

        public required GitRepositorySpec Git { get; set; }

        public string? AuthMode { get; set; }
    }

    private sealed class FakeConfigSet(string uid, string clusterId, string? clusterName, string type, long sequence, DateTimeOffset created) : IFakeDated
    {
        public string Uid { get; } = uid;

        public string ClusterId { get; } = clusterId;

        public string? ClusterName { get; } = clusterName;

        public string Type { get; } = type;

        public long Sequence { get; } = sequence;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset Updated { get; set; }

        public long Generation { get; set; } = 1;

        public required string Name { get; set; }

        public required string Namespace { get; set; }

        public string? RepoName { get; init; }

        public GitRepositorySpec? InlineGit { get; init; }

        public KustomizationSpec? Kustomization { get; set; }
    }
}
