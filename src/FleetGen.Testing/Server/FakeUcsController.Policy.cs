using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Policy operations of the contract, on <see cref="FakePolicyCenter"/>: fleets must be known (404 UCS.01100005), clusters too (404 UCS.01030001).</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<JobIdAnswer>> EnableClusterGroupPolicy(string clustergroupid, string x_Auth_Token, string retry) =>
        OnFleet(clustergroupid, target => Reply(Platform.Policy.Enable(target), 201));

    public override Task<ActionResult<JobIdAnswer>> DisableClusterGroupPolicy(string clustergroupid, string x_Auth_Token) =>
        OnFleet(clustergroupid, target => Reply(Platform.Policy.Disable(target)));

    public override Task<ActionResult<JobIdAnswer>> EnableClusterPolicy(string clusterid, string x_Auth_Token, string retry) =>
        OnCluster(clusterid, target => Reply(Platform.Policy.Enable(target)));

    public override Task<ActionResult<JobIdAnswer>> DisableClusterPolicy(string clusterid, string x_Auth_Token) =>
        OnCluster(clusterid, target => Reply(Platform.Policy.Disable(target)));

    public override Task<ActionResult<JobIdAnswer>> CreateClusterGroupPolicyInstance(UcsConstraintRequest body, string clustergroupid, string x_Auth_Token) =>
        OnFleet(clustergroupid, target => Reply(Platform.Policy.CreateInstance(target, body), 201));

    public override Task<ActionResult<JobIdAnswer>> CreateClusterPolicyInstance(UcsConstraintRequest body, string clusterid, string x_Auth_Token) =>
        OnCluster(clusterid, target => Reply(Platform.Policy.CreateInstance(target, body), 201));

    public override Task<ActionResult<UcsConstraintList>> ListPolicyInstances(string x_Auth_Token) =>
        Reply<UcsConstraintList>(Platform.Policy.ListInstances());

    public override Task<ActionResult<UcsConstraint>> ShowPolicyInstance(string policyinstanceid, string x_Auth_Token) =>
        Reply(Platform.Policy.ShowInstance(policyinstanceid));

    public override Task<ActionResult<JobIdAnswer>> UpdatePolicyInstance(UcsConstraintRequest body, string policyinstanceid, string x_Auth_Token) =>
        Reply(Platform.Policy.UpdateInstance(policyinstanceid, body));

    public override Task<ActionResult<JobIdAnswer>> DeletePolicyInstance(string policyinstanceid, string x_Auth_Token) =>
        Reply(Platform.Policy.DeleteInstance(policyinstanceid));

    public override Task<ActionResult<UcsConstraintTemplateList>> ListPolicyDefinitions(string x_Auth_Token) =>
        Reply<UcsConstraintTemplateList>(Platform.Policy.ListDefinitions());

    public override Task<ActionResult<UcsConstraintTemplate>> ShowPolicyDefinition(string policydefinitionid, string x_Auth_Token) =>
        Reply(Platform.Policy.ShowDefinition(policydefinitionid));

    public override Task<ActionResult<UcsConstraintTemplate>> UpdatePolicyDefination(UcsConstraintTemplateTagRequest body, string policydefinitionid, string x_Auth_Token) =>
        Reply(Platform.Policy.TagDefinition(policydefinitionid, body.Tag));

    public override Task<ActionResult<UcsJobList>> ListPolicyJobs(string x_Auth_Token, string kind) =>
        Reply<UcsJobList>(Platform.Policy.ListJobs(kind));

    public override Task<ActionResult<UcsJob>> ShowPolicyJob(string jobid, string x_Auth_Token) =>
        Reply(Platform.Policy.ShowJob(jobid));

    private Task<ActionResult<T>> OnFleet<T>(string fleetId, Func<FakePolicyTarget, Task<ActionResult<T>>> act) =>
        state.HasFleet(fleetId) ? act(new FakePolicyTarget(FakePolicyTarget.Fleet, fleetId)) : Refuse<T>(FakeRefusal.FleetNotFound(fleetId));

    private Task<ActionResult<T>> OnCluster<T>(string clusterId, Func<FakePolicyTarget, Task<ActionResult<T>>> act) =>
        ClusterKnown(clusterId) ? act(new FakePolicyTarget(FakePolicyTarget.Cluster, clusterId)) : Refuse<T>(FakeRefusal.ClusterNotFound(clusterId));
}
