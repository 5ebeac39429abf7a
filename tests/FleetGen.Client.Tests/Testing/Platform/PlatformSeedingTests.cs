using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>Seeding platform entities with the ids a test chooses: the SDK reads them back, and a seed the model refuses throws.</summary>
public sealed class PlatformSeedingTests
{
    private const string Cluster = PlatformFixture.Cluster;
    private const string VolumeTypes = "f1519ae2-adf8-11ed-9f9c-0255ac100186";

    [Fact]
    public async Task Entities_seeded_with_ids_are_answered_under_those_ids()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var client = fixture.Client;

        fixture.Server.AddRepo("repo-1", Cluster, "guestbook-repo", "https://example.com/guestbook.git");
        fixture.Server.AddConfigSet("set-1", Cluster, "guestbook", "guestbook-repo");
        fixture.Server.AddAddonInstance("addon-1", Cluster, "kube-prometheus-stack", "3.10.1");
        fixture.Server.AddPolicyInstance("policy-1", Cluster, VolumeTypes, createJobId: "job-1");
        fixture.Server.AddPolicyInstance("policy-1", Cluster, VolumeTypes, createJobId: "job-1");
        fixture.Advance();

        var repo = Assert.Single((await client.GitOps.ListReposAsync(Cluster)).Items!);
        var configSet = await client.GitOps.ShowConfigSetAsync("set-1");
        var addon = await client.Addon.ShowAddonInstanceAsync("addon-1", clusterId: Cluster);
        var instance = await client.Policy.ShowPolicyInstanceAsync("policy-1");
        var job = await client.Policy.ShowPolicyJobAsync("job-1");

        Assert.Equal(("repo-1", "guestbook-repo"), (repo.Uid, repo.Name));
        Assert.Equal(("set-1", "guestbook-repo", "Health"), (configSet.Uid, configSet.RepoName, configSet.ConfigSetStatus));
        Assert.Equal(("addon-1", "3.10.1", "running"), (addon.Metadata!.Uid, addon.Spec!.Version, addon.Status!.Status));
        Assert.Equal(("cluster", Cluster, VolumeTypes), (instance.Spec!.TargetScope, instance.Spec.TargetID, instance.Spec.ConstraintTemplateID));
        Assert.Equal(("CreatePolicyInstance", "Succeeded", "policy-1"), (job.Spec!.Type, job.Status!.Status, job.Spec.RelatedObjects!.AdditionalData["policyInstanceID"]));
        Assert.Equal([$"cluster/{Cluster}"], fixture.Server.PolicyCenters);
        Assert.Equal(["job-1"], fixture.Server.PolicyJobs.Select(j => j.Uid));
    }

    [Fact]
    public async Task A_seed_on_an_unknown_cluster_or_of_what_the_catalogue_lacks_throws_and_adds_nothing()
    {
        await using var fixture = await PlatformFixture.StartAsync();

        var unknownCluster = Assert.Throws<ArgumentException>(() => fixture.Server.AddRepo("repo-1", "cluster-nowhere", "r", "https://example.com/r.git"));
        var unknownTemplate = Assert.Throws<ArgumentException>(() => fixture.Server.AddAddonInstance("addon-1", Cluster, "no-such-addon", "1.0.0"));
        var unknownDefinition = Assert.Throws<ArgumentException>(() => fixture.Server.AddPolicyInstance("policy-1", Cluster, "no-such-definition"));

        Assert.Equal(("clusterId", "templateName", "definitionId"), (unknownCluster.ParamName, unknownTemplate.ParamName, unknownDefinition.ParamName));
        Assert.Contains("cluster-nowhere", unknownCluster.Message, StringComparison.Ordinal);
        Assert.Contains("spec.addonTemplateName", unknownTemplate.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Server.Repos);
        Assert.Empty(fixture.Server.AddonInstances);
        Assert.Empty(fixture.Server.PolicyInstances);
        Assert.Empty(fixture.Server.PolicyCenters);
    }
}
