using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Cluster operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<CreatedUid>> RegisterCluster(RegisterClusterRequestBody body, string x_Auth_Token) =>
        NotModelled<CreatedUid>();

    public override Task<ActionResult<ClusterList>> ShowClusterList(string x_Auth_Token, string category, bool? enablestatus, string clustergroupid, int? limit, int? offset, Order_by? order_by, Order? order, Managetype? managetype, IEnumerable<string> clusterids) =>
        NotModelled<ClusterList>();

    public override Task<ActionResult<Cluster>> ShowCluster(string clusterid, string x_Auth_Token) =>
        NotModelled<Cluster>();

    public override Task<ActionResult<object>> UpdateCluster(UpdateClusterRequestBody body, string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<string>> DeleteCluster(string clusterid, string x_Auth_Token) =>
        NotModelled<string>();

    public override Task<ActionResult<object>> JoinGroup(ClusterJoinGroupRequestBody body, string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> LeaveGroup(string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> RetryClusterActivation(string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<ICollection<object>>> ShowClusterAccessInfo(string clusterid, string x_Auth_Token, string vpcendpoint, string region) =>
        NotModelled<ICollection<object>>();

    public override Task<ActionResult<object>> CreateClusterConf(RequiredInput body, string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<Kubeconfig>> CreateClusterKubeconfig(string clusterid, string x_Auth_Token) =>
        NotModelled<Kubeconfig>();

    public override Task<ActionResult<object>> UpdateClusterRules(UpdateAssociatedRulesRequestBody body, string clusterid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<ICollection<Cluster>>> ListManagedClusters(string x_Auth_Token, bool? unimported, int? limit, int? offset) =>
        NotModelled<ICollection<Cluster>>();

    public override Task<ActionResult<RegisteredClusterVersions>> ListRegisteredClusterVersions(string x_Auth_Token) =>
        NotModelled<RegisteredClusterVersions>();
}
