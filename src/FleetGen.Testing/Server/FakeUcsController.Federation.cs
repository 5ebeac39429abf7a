using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Federation operations of the contract beyond the federation family of <c>FakeUcsController.cs</c>.</summary>
internal sealed partial class FakeUcsController
{
    /// <summary>The federation versions of <see cref="FakeFederationVersions"/> with their upgrade targets, and the documented on-premises release.</summary>
    public override Task<ActionResult<ServerConfig>> ListServerConfigs() =>
        Task.FromResult<ActionResult<ServerConfig>>(Ok(new ServerConfig
        {
            Onpremises = new OnPremisesConfig
            {
                VersionsInfo =
                [
                    new OnPremisesVersionInfo { KubernetesVersion = "1.28.5", ReleaseVersion = "25.3.0", UcsctlDownloadURL = "toolkits/ucs-ctl/ucsadm-25.3.0.2/amd64/ucs-ctl", Arch = "amd64" },
                ],
            },
            Federations = new FederationConfig
            {
                VersionsInfo =
                [
                    .. FakeFederationVersions.Upgrades.Select(u => new FederationVersionInfo
                    {
                        CurrentVersion = new FederationVersionSpec { FederationVersion = u.Current },
                        TargetVersions = [.. u.Targets.Select(t => new FederationVersionSpec { FederationVersion = t })],
                    }),
                ],
            },
        }));
}
