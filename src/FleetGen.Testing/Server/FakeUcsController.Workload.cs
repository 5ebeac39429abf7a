using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Workload operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<object>> CreateProxyUnitedWorkload(MutiWorkload body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<MutiWorkload>> ShowProxyUnitedWorkload(UnitedWorkloadKind kind, string clustergroupid, string x_Auth_Token, string @namespace, string name) =>
        NotModelled<MutiWorkload>();

    public override Task<ActionResult<object>> UpdateProxyUnitedWorkload(MutiWorkload body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<IActionResult> DeleteProxyUnitedWorkload(UnitedWorkloadKind kind, string clustergroupid, string x_Auth_Token, string @namespace, string name) =>
        Task.FromResult<IActionResult>(NotModelledResult());
}
