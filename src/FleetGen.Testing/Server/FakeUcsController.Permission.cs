using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Permission operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<CreatedUid>> CreateRule(CreateRuleRequestBody body, string x_Auth_Token) =>
        NotModelled<CreatedUid>();

    public override Task<ActionResult<RuleList>> ListRule(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        NotModelled<RuleList>();

    public override Task<ActionResult<object>> UpdateRule(UpdateRuleRequestBody body, string ruleid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<string>> DeleteRule(string ruleid, string x_Auth_Token) =>
        NotModelled<string>();
}
