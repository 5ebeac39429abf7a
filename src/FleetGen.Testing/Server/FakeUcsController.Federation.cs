using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Federation operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<ServerConfig>> ListServerConfigs() =>
        NotModelled<ServerConfig>();
}
