using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Quota operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<QuotaInfo>> ShowQuota(string domainid, string x_Auth_Token) =>
        NotModelled<QuotaInfo>();
}
