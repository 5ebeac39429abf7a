using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>ListServerConfigs against the fake: the federation versions it offers are the upgrades UpgradeFederation accepts.</summary>
public sealed class FakeFederationVersionTests : FakeUcsTests
{
    [Fact]
    public async Task The_listed_targets_of_the_fleet_s_version_are_accepted_and_another_target_is_400_UCS_01080004()
    {
        var fleet = FakeUcsServerOptions.DefaultFleet;

        var configs = await Client.Federation.ListServerConfigsAsync();
        var current = (await Client.Fleet.ShowClusterGroupAsync(fleet)).Spec!.FederationVersion;
        var offered = configs.Federations!.VersionsInfo!.Single(v => v.CurrentVersion!.FederationVersion == current).TargetVersions!.Select(t => t.FederationVersion).ToList();

        Assert.Equal("v1.3.0", current);
        Assert.Equal(["v1.4.0", "v1.5.0"], offered);
        Assert.Empty(configs.Federations.VersionsInfo!.Single(v => v.CurrentVersion!.FederationVersion == "v1.5.0").TargetVersions!);
        Assert.Equal("1.28.5", Assert.Single(configs.Onpremises!.VersionsInfo!).KubernetesVersion);
        Assert.Equal((400, UcsErrorCodes.FederationValidationFailed), await RefusedAsync(() => Client.Federation.UpgradeFederationAsync(fleet, new UpgradeFederationRequestBody { TargetVersion = "v1.9.0" })));
        Assert.Equal((400, UcsErrorCodes.FederationValidationFailed), await RefusedAsync(() => Client.Federation.UpgradeFederationAsync(fleet, new UpgradeFederationRequestBody { TargetVersion = "v1.3.0" })));
        Assert.NotNull((await Client.Federation.UpgradeFederationAsync(fleet, new UpgradeFederationRequestBody { TargetVersion = "v1.5.0" })).JobId);
    }
}
