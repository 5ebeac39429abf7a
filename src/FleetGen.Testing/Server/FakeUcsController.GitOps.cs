using System.Text.Json.Nodes;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The GitOps operations of the contract, on <see cref="FakeGitOps"/> and <see cref="FakeConfigSets"/>.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<JobIdAnswer>> EnableGitOps(string clusterid, string x_Auth_Token, string retry) =>
        ClusterKnown(clusterid) ? Reply(Platform.GitOps.Enable(clusterid, retry), 201) : Refuse<JobIdAnswer>(FakeRefusal.ClusterNotFound(clusterid));

    public override Task<ActionResult<JobIdAnswer>> DisableGitOps(string clusterid, string x_Auth_Token) =>
        ClusterKnown(clusterid) ? Reply(Platform.GitOps.Disable(clusterid)) : Refuse<JobIdAnswer>(FakeRefusal.ClusterNotFound(clusterid));

    public override Task<ActionResult<PodList>> ShowGitOpsStatus(string clusterid, string x_Auth_Token) =>
        ClusterKnown(clusterid) ? Reply<PodList>(Platform.GitOps.Status(clusterid)) : Refuse<PodList>(FakeRefusal.ClusterNotFound(clusterid));

    public override Task<ActionResult<CreatedUid>> CreateConfigSet(CreateConfigSetRequestBody body, string x_Auth_Token) =>
        ClusterRefusal(body.ClusterInfo) is { } refused ? Refuse<CreatedUid>(refused) : Reply(Platform.ConfigSets.CreateConfigSet(body), 201);

    [Obsolete("Deprecated in the contract.")]
    public override Task<ActionResult<ConfigSetList>> ListConfigSets(string clusterid, string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        ClusterQueryRefusal(clusterid) is { } refused ? Refuse<ConfigSetList>(refused) : Reply(Platform.ConfigSets.ListConfigSets(clusterid, limit, offset, order_by, order));

    public override Task<ActionResult<ConfigSet>> ShowConfigSet(string configsetid, string x_Auth_Token) =>
        Reply(Platform.ConfigSets.ShowConfigSet(configsetid));

    public override Task<ActionResult<object>> UpdateConfigSet(UpdateConfigSetRequestBody body, string configsetid, string x_Auth_Token) =>
        Done<object>(Platform.ConfigSets.UpdateConfigSet(configsetid, body), new JsonObject());

    public override Task<ActionResult<object>> DeleteConfigSet(string configsetid, string x_Auth_Token) =>
        Done<object>(Platform.ConfigSets.DeleteConfigSet(configsetid), new JsonObject());

    public override Task<ActionResult<CreatedUid>> CreateRepo(CreateRepoRequestBody body, string x_Auth_Token) =>
        ClusterRefusal(body.ClusterInfo) is { } refused ? Refuse<CreatedUid>(refused) : Reply(Platform.ConfigSets.CreateRepo(body), 201);

    public override Task<ActionResult<RepoList>> ListRepos(string clusterid, string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        ClusterQueryRefusal(clusterid) is { } refused ? Refuse<RepoList>(refused) : Reply(Platform.ConfigSets.ListRepos(clusterid, limit, offset, order_by, order));

    public override Task<ActionResult<object>> UpdateRepo(UpdateRepoRequestBody body, string repoid, string x_Auth_Token) =>
        Done<object>(Platform.ConfigSets.UpdateRepo(repoid, body), new JsonObject());

    public override Task<ActionResult<object>> DeleteRepo(string repoid, string x_Auth_Token) =>
        Done<object>(Platform.ConfigSets.DeleteRepo(repoid), new JsonObject());

    [Obsolete("Deprecated in the contract.")]
    public override Task<ActionResult<GitopsStatistics>> ShowGitopsStatistics(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        Reply(Platform.ConfigSets.Statistics(limit, offset));

    /// <summary>A configuration set or repository source lives in a cluster: clusterInfo.clusterID is required and must name a known cluster.</summary>
    private FakeRefusal? ClusterRefusal(ClusterInfo? cluster) =>
        cluster?.ClusterID is not { Length: > 0 } id ? FakeRefusal.BadBody("clusterInfo.clusterID", "is required")
        : !ClusterKnown(id) ? FakeRefusal.ClusterNotFound(id)
        : null;

    private FakeRefusal? ClusterQueryRefusal(string? clusterId) =>
        string.IsNullOrEmpty(clusterId) ? FakeRefusal.BadQuery("clusterid", "is required")
        : !ClusterKnown(clusterId) ? FakeRefusal.ClusterNotFound(clusterId)
        : null;
}
