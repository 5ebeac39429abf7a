using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Policy operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<JobIdAnswer>> EnableClusterGroupPolicy(string clustergroupid, string x_Auth_Token, string retry) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> DisableClusterGroupPolicy(string clustergroupid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> EnableClusterPolicy(string clusterid, string x_Auth_Token, string retry) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> DisableClusterPolicy(string clusterid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> CreateClusterGroupPolicyInstance(UcsConstraintRequest body, string clustergroupid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> CreateClusterPolicyInstance(UcsConstraintRequest body, string clusterid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<UcsConstraintList>> ListPolicyInstances(string x_Auth_Token) =>
        NotModelled<UcsConstraintList>();

    public override Task<ActionResult<UcsConstraint>> ShowPolicyInstance(string policyinstanceid, string x_Auth_Token) =>
        NotModelled<UcsConstraint>();

    public override Task<ActionResult<JobIdAnswer>> UpdatePolicyInstance(UcsConstraintRequest body, string policyinstanceid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<JobIdAnswer>> DeletePolicyInstance(string policyinstanceid, string x_Auth_Token) =>
        NotModelled<JobIdAnswer>();

    public override Task<ActionResult<UcsConstraintTemplateList>> ListPolicyDefinitions(string x_Auth_Token) =>
        NotModelled<UcsConstraintTemplateList>();

    public override Task<ActionResult<UcsConstraintTemplate>> ShowPolicyDefinition(string policydefinitionid, string x_Auth_Token) =>
        NotModelled<UcsConstraintTemplate>();

    public override Task<ActionResult<UcsConstraintTemplate>> UpdatePolicyDefination(UcsConstraintTemplateTagRequest body, string policydefinitionid, string x_Auth_Token) =>
        NotModelled<UcsConstraintTemplate>();

    public override Task<ActionResult<UcsJobList>> ListPolicyJobs(string x_Auth_Token, string kind) =>
        NotModelled<UcsJobList>();

    public override Task<ActionResult<UcsJob>> ShowPolicyJob(string jobid, string x_Auth_Token) =>
        NotModelled<UcsJob>();
}
