using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Fleet operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<object>> DeleteClusterGroup(string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<ClusterGroupList>> ListClusterGroup(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        NotModelled<ClusterGroupList>();

    public override Task<ActionResult<CreatedUid>> RegisterClusterGroup(RegisterClusterGroupRequestBody body, string x_Auth_Token) =>
        NotModelled<CreatedUid>();

    public override Task<ActionResult<object>> UpdateClusterGroup(UpdateClusterGroupDescriptionRequestBody body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedClusters(UpdateClusterGroupAssociatedClustersRequestBody body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedRules(UpdateAssociatedRulesRequestBody body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedZones(UpdateAssociatedZonesRequestBody body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<object>();
}
