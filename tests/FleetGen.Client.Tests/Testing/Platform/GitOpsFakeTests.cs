using FleetGen.Client.Models;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The fake's GitOps through the SDK: the add-on's pods as install and uninstall progress, repository sources and configuration sets.</summary>
public sealed class GitOpsFakeTests
{
    private const string Cluster = PlatformFixture.Cluster;

    [Fact]
    public async Task The_add_on_pods_come_up_one_per_step_and_go_one_per_step_after_a_disable()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var gitOps = fixture.Client.GitOps;

        var enable = await gitOps.EnableGitOpsAsync(Cluster);
        var justStarted = await Phases(gitOps);
        fixture.Advance();
        var afterOne = await Phases(gitOps);
        fixture.Advance(3);
        var installed = await gitOps.ShowGitOpsStatusAsync(Cluster);
        var again = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.EnableGitOpsAsync(Cluster));

        Assert.False(string.IsNullOrEmpty(enable.JobID));
        Assert.Equal(["Pending", "Pending", "Pending", "Pending"], justStarted);
        Assert.Equal(["Running", "Pending", "Pending", "Pending"], afterOne);
        Assert.All(installed.Items!, pod => Assert.Equal(("Running", true, "flux-system"), (pod.Status!.Phase, pod.Status.ContainerStatuses![0].Ready == true, pod.Metadata!.Namespace)));
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (again.StatusCode, again.ErrorCode));
        Assert.Equal("Installed", Assert.Single(fixture.Server.GitOpsAddons).State);

        await gitOps.DisableGitOpsAsync(Cluster);
        fixture.Advance(2);
        var halfGone = await Phases(gitOps);
        fixture.Advance(2);
        var gone = await gitOps.ShowGitOpsStatusAsync(Cluster);
        var disableAgain = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.DisableGitOpsAsync(Cluster));

        Assert.Equal(2, halfGone.Count);
        Assert.Empty(gone.Items!);
        Assert.Empty(fixture.Server.GitOpsAddons);
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (disableAgain.StatusCode, disableAgain.ErrorCode));
    }

    [Fact]
    public async Task A_failed_installation_shows_a_failed_pod_and_only_an_enable_with_retry_starts_over()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var gitOps = fixture.Client.GitOps;
        fixture.Server.FailNextGitOpsInstall("image pull failed");

        await gitOps.EnableGitOpsAsync(Cluster);
        fixture.Advance();
        var failed = await Phases(gitOps);
        var withoutRetry = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.EnableGitOpsAsync(Cluster));
        await gitOps.EnableGitOpsAsync(Cluster, retry: "true");
        fixture.Advance(4);

        Assert.Equal("Failed", failed[0]);
        Assert.Equal(400, withoutRetry.StatusCode);
        Assert.Contains("retry", withoutRetry.Message, StringComparison.Ordinal);
        Assert.Equal(["Running", "Running", "Running", "Running"], await Phases(gitOps));
    }

    [Fact]
    public async Task A_configuration_set_reconciles_from_its_repository_source_and_the_statistics_count_it()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var gitOps = fixture.Client.GitOps;

        var repo = await gitOps.CreateRepoAsync(Repo("guestbook-repo"));
        var duplicate = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.CreateRepoAsync(Repo("guestbook-repo")));
        var good = await gitOps.CreateConfigSetAsync(ConfigSet("guestbook", "guestbook-repo"));
        var orphan = await gitOps.CreateConfigSetAsync(ConfigSet("orphan", "no-such-repo"));
        var progressing = await gitOps.ShowConfigSetAsync(good.Uid!);
        fixture.Advance();
        var healthy = await gitOps.ShowConfigSetAsync(good.Uid!);
#pragma warning disable CS0618 // Deprecated in the contract, still served.
        var statistics = await gitOps.ShowGitopsStatisticsAsync();
        var firstPage = await gitOps.ListConfigSetsAsync(Cluster, limit: 1);
#pragma warning restore CS0618
        var listed = Assert.Single((await gitOps.ListReposAsync(Cluster)).Items!);

        Assert.Equal((409, "Progressing"), (duplicate.StatusCode, progressing.ConfigSetStatus));
        Assert.Equal(("Health", "https://github.com/example/guestbook.git", "./deploy"), (healthy.ConfigSetStatus, healthy.GitRepository!.Spec!.Url, healthy.Kustomization!.Spec!.Path));
        Assert.Equal("Failed", (await gitOps.ShowConfigSetAsync(orphan.Uid!)).ConfigSetStatus);
        Assert.Equal((2, 1, 1), (statistics.OverviewStatus!.ConfigSetTotalNum, statistics.OverviewStatus.HealthStatusNum, statistics.OverviewStatus.FailedStatusNum));
        Assert.Equal((Cluster, 1), (Assert.Single(statistics.Items!).ClusterID, statistics.Items![0].SourceRepoNum));
        Assert.Equal((2, "orphan"), (firstPage.Total, Assert.Single(firstPage.Items!).Name));
        Assert.Equal((repo.Uid, "https"), (listed.Uid, listed.SecretInfo!.AuthMode));
        Assert.Null(listed.SecretInfo.Secret);
        Assert.DoesNotContain(fixture.Server.Repos, r => r.ToString().Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configuration_sets_and_sources_are_changed_deleted_and_refused_with_the_documented_codes()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var gitOps = fixture.Client.GitOps;
        var repo = await gitOps.CreateRepoAsync(Repo("guestbook-repo"));
        await gitOps.CreateRepoAsync(Repo("other-repo"));
        var configSet = await gitOps.CreateConfigSetAsync(ConfigSet("guestbook", "guestbook-repo"));

        await gitOps.UpdateConfigSetAsync(configSet.Uid!, new UpdateConfigSetRequestBody { Name = "guestbook-v2", KustomizationSpec = new KustomizationSpec { Path = "./deploy/v2", SourceRef = new SourceRef { Kind = SourceRef_kind.GitRepository, Name = "guestbook-repo" } } });
        var renamed = await gitOps.ShowConfigSetAsync(configSet.Uid!);
        var clash = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.UpdateRepoAsync(repo.Uid!, new UpdateRepoRequestBody { Name = "other-repo" }));
        var noCluster = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.CreateRepoAsync(new CreateRepoRequestBody { Name = "x", GitRepositorySpec = new GitRepositorySpec { Url = "https://example.com/x.git" } }));
        await gitOps.DeleteConfigSetAsync(configSet.Uid!);
        await gitOps.DeleteRepoAsync(repo.Uid!);
        var deletedSet = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.ShowConfigSetAsync(configSet.Uid!));
        var deletedRepo = await Assert.ThrowsAsync<UcsApiException>(() => gitOps.DeleteRepoAsync(repo.Uid!));

        Assert.Equal(("guestbook-v2", "./deploy/v2", 2L), (renamed.Name, renamed.Kustomization!.Spec!.Path, renamed.Kustomization.Metadata!.Generation));
        Assert.Equal(409, clash.StatusCode);
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (noCluster.StatusCode, noCluster.ErrorCode));
        Assert.Contains("clusterInfo.clusterID", noCluster.Message, StringComparison.Ordinal);
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (deletedSet.StatusCode, deletedSet.ErrorCode));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (deletedRepo.StatusCode, deletedRepo.ErrorCode));
        Assert.Empty(fixture.Server.ConfigSets);
        Assert.Equal(["other-repo"], fixture.Server.Repos.Select(r => r.Name));
    }

    private static async Task<List<string>> Phases(FleetGen.Client.GitOpsOperations gitOps) =>
        (await gitOps.ShowGitOpsStatusAsync(Cluster)).Items!.Select(p => p.Status!.Phase!).ToList();

    private static CreateRepoRequestBody Repo(string name) => new()
    {
        Name = name,
        Namespace = "default",
        GitRepositorySpec = new GitRepositorySpec { Url = "https://github.com/example/guestbook.git", Ref = new GitRepositoryRef { Branch = "main" }, Interval = "1m" },
        SecretInfo = new SecretInfo { AuthMode = "https", Secret = new SecretInfo_secret { AdditionalData = new Dictionary<string, object> { ["username"] = "deploy-bot", ["password"] = "s3cret" } } },
        ClusterInfo = new ClusterInfo { ClusterID = Cluster },
    };

    private static CreateConfigSetRequestBody ConfigSet(string name, string repoName) => new()
    {
        Name = name,
        Namespace = "default",
        ConfigSetType = "Kustomization",
        RepoName = repoName,
        KustomizationSpec = new KustomizationSpec { Path = "./deploy", Interval = "5m", Prune = true, SourceRef = new SourceRef { Kind = SourceRef_kind.GitRepository, Name = repoName } },
        ClusterInfo = new ClusterInfo { ClusterID = Cluster },
    };
}
