using System.Text.Json.Nodes;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Permission operations of the contract, on <see cref="FakePermissionRules"/>.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<CreatedUid>> CreateRule(CreateRuleRequestBody body, string x_Auth_Token) =>
        Reply(Platform.Rules.Create(body, Platform.Quotas.Of(FakeQuotas.Rule)), 201);

    public override Task<ActionResult<RuleList>> ListRule(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        Reply<RuleList, JsonObject>(Platform.Rules.List(limit, offset, order_by, order));

    public override Task<ActionResult<object>> UpdateRule(UpdateRuleRequestBody body, string ruleid, string x_Auth_Token) =>
        Done<object>(Platform.Rules.Update(ruleid, body), new JsonObject());

    public override Task<ActionResult<string>> DeleteRule(string ruleid, string x_Auth_Token) =>
        Done<string>(Platform.Rules.Delete(ruleid), JsonValue.Create(string.Empty));
}
