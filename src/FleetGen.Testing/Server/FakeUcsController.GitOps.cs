using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The GitOps operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<JobIdAnswer>> EnableGitOps(string clusterid, string x_Auth_Token, string retry) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> DisableGitOps(string clusterid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<PodList>> ShowGitOpsStatus(string clusterid, string x_Auth_Token) =>
        NotModelled<PodList>();

    public override Task<ActionResult<CreatedUid>> CreateConfigSet(CreateConfigSetRequestBody body, string x_Auth_Token) =>
        NotModelled<CreatedUid>();

    [Obsolete("Deprecated in the contract.")]
    public override Task<ActionResult<ConfigSetList>> ListConfigSets(string clusterid, string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        NotModelled<ConfigSetList>();

    public override Task<ActionResult<ConfigSet>> ShowConfigSet(string configsetid, string x_Auth_Token) =>
        NotModelled<ConfigSet>();

    public override Task<ActionResult<object>> UpdateConfigSet(UpdateConfigSetRequestBody body, string configsetid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> DeleteConfigSet(string configsetid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<CreatedUid>> CreateRepo(CreateRepoRequestBody body, string x_Auth_Token) =>
        NotModelled<CreatedUid>();

    public override Task<ActionResult<RepoList>> ListRepos(string clusterid, string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        NotModelled<RepoList>();

    public override Task<ActionResult<object>> UpdateRepo(UpdateRepoRequestBody body, string repoid, string x_Auth_Token) =>
        NotModelled<object>();

    public override Task<ActionResult<object>> DeleteRepo(string repoid, string x_Auth_Token) =>
        NotModelled<object>();

    [Obsolete("Deprecated in the contract.")]
    public override Task<ActionResult<GitopsStatistics>> ShowGitopsStatistics(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        NotModelled<GitopsStatistics>();
}
