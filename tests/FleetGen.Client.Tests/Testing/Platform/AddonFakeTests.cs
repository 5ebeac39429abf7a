using FleetGen.Client.Models;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The fake's add-ons through the SDK: install, upgrade and uninstall over the server's clock, the template catalogue, the documented codes.</summary>
public sealed class AddonFakeTests
{
    private const string Cluster = PlatformFixture.Cluster;

    [Fact]
    public async Task An_instance_installs_upgrades_and_uninstalls_a_step_at_a_time()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var addon = fixture.Client.Addon;

        var created = await addon.CreateAddonInstanceAsync(Request("3.10.1"));
        var duplicate = await Assert.ThrowsAsync<UcsApiException>(() => addon.CreateAddonInstanceAsync(Request("3.10.1")));
        fixture.Advance();
        var running = await addon.ShowAddonInstanceAsync(created.Metadata!.Uid!);
        var upgrading = await addon.UpdateAddonInstanceAsync(created.Metadata.Uid!, Request("3.11.0"));
        fixture.Advance();
        var upgraded = Assert.Single((await addon.ListAddonInstancesAsync(Cluster, addonTemplateName: "kube-prometheus-stack")).Items!);

        Assert.Equal(("installing", null), (created.Status!.Status, created.Status.CurrentVersion?.Version));
        Assert.Equal(409, duplicate.StatusCode);
        Assert.Equal(("running", "3.10.1"), (running.Status!.Status, running.Status.CurrentVersion!.Version));
        Assert.Equal(["3.11.0"], running.Status.TargetVersions);
        Assert.Equal(("upgrading", "3.10.1"), (upgrading.Status!.Status, upgrading.Status.CurrentVersion!.Version));
        Assert.Equal(("running", "3.11.0"), (upgraded.Status!.Status, upgraded.Status.CurrentVersion!.Version));
        Assert.Empty(upgraded.Status.TargetVersions!);

        var wrongCluster = await Assert.ThrowsAsync<UcsApiException>(() => addon.DeleteAddonInstanceAsync(created.Metadata.Uid!, clusterId: "another-cluster"));
        await addon.DeleteAddonInstanceAsync(created.Metadata.Uid!, clusterId: Cluster);
        var deleting = Assert.Single(fixture.Server.AddonInstances);
        fixture.Advance();
        var gone = await Assert.ThrowsAsync<UcsApiException>(() => addon.ShowAddonInstanceAsync(created.Metadata.Uid!));

        Assert.Equal((400, UcsErrorCodes.BadQueryParameter), (wrongCluster.StatusCode, wrongCluster.ErrorCode));
        Assert.Equal(("deleting", "3.11.0"), (deleting.Status, deleting.Version));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (gone.StatusCode, gone.ErrorCode));
        Assert.Empty((await addon.ListAddonInstancesAsync(Cluster)).Items!);
    }

    [Fact]
    public async Task A_failed_installation_says_why_and_templates_or_versions_the_catalogue_lacks_are_refused()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var addon = fixture.Client.Addon;
        fixture.Server.FailNextAddonChange("helm install timed out");

        var created = await addon.CreateAddonInstanceAsync(Request("3.10.1"));
        fixture.Advance();
        var failed = await addon.ShowAddonInstanceAsync(created.Metadata!.Uid!);
        var noTemplate = Request("1.0.0");
        noTemplate.Spec!.AddonTemplateName = "no-such-addon";
        var unknownTemplate = await Assert.ThrowsAsync<UcsApiException>(() => addon.CreateAddonInstanceAsync(noTemplate));
        var unknownVersion = await Assert.ThrowsAsync<UcsApiException>(() => addon.UpdateAddonInstanceAsync(created.Metadata.Uid!, Request("9.9.9")));

        Assert.Equal(("installFailed", "helm install timed out"), (failed.Status!.Status, failed.Status.Reason));
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (unknownTemplate.StatusCode, unknownTemplate.ErrorCode));
        Assert.Contains("spec.addonTemplateName", unknownTemplate.Message, StringComparison.Ordinal);
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (unknownVersion.StatusCode, unknownVersion.ErrorCode));
        Assert.Contains("spec.version", unknownVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_catalogue_is_filtered_by_name_version_and_upgrade_base_and_can_be_extended()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var addon = fixture.Client.Addon;
        fixture.Server.AddAddonTemplate("ingress-nginx", "4.9.0", "4.10.0");

        var all = await addon.ListAddonTemplatesAsync();
        var upgrades = Assert.Single((await addon.ListAddonTemplatesAsync(addonTemplateName: "kube-prometheus-stack", baseUpdateAddonVersion: "3.9.0")).Items!);
        var one = Assert.Single((await addon.ListAddonTemplatesAsync(version: "4.9.0")).Items!);

        Assert.Equal(["kube-prometheus-stack", "gatekeeper", "ingress-nginx"], all.Items!.Select(t => t.Metadata!.Name));
        Assert.Equal(["3.10.1", "3.11.0"], upgrades.Spec!.Versions!.Select(v => v.Version));
        Assert.Equal(("ingress-nginx", "4.9.0"), (one.Metadata!.Name, Assert.Single(one.Spec!.Versions!).Version));
    }

    private static AddonInstanceRequestBody Request(string version) => new()
    {
        Kind = "Addon",
        ApiVersion = "v3",
        Metadata = new ObjectMeta { Name = "kube-prometheus-stack" },
        Spec = new AddonInstanceSpec { ClusterID = Cluster, AddonTemplateName = "kube-prometheus-stack", Version = version, Namespace = "monitoring" },
    };
}
