using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The fake's policy center through the SDK: jobs that run a step of the server's clock, their effects, and the documented wrong-state codes.</summary>
public sealed class PolicyFakeTests
{
    private const string Fleet = FakeUcsServerOptions.DefaultFleet;
    private const string Cluster = PlatformFixture.Cluster;
    private const string VolumeTypes = "f1519ae2-adf8-11ed-9f9c-0255ac100186";

    [Fact]
    public async Task Enabling_a_fleet_runs_a_job_that_succeeds_a_step_later_and_a_second_enable_is_refused_in_each_state()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var policy = fixture.Client.Policy;

        var started = await policy.EnableClusterGroupPolicyAsync(Fleet);
        var running = await policy.ShowPolicyJobAsync(started.JobID!);
        var whileRunning = await Assert.ThrowsAsync<UcsApiException>(() => policy.EnableClusterGroupPolicyAsync(Fleet));
        Assert.Empty(fixture.Server.PolicyCenters);
        fixture.Advance();
        var done = await policy.ShowPolicyJobAsync(started.JobID!);
        var whenEnabled = await Assert.ThrowsAsync<UcsApiException>(() => policy.EnableClusterGroupPolicyAsync(Fleet));

        Assert.Equal(("Running", "EnablePolicy", Fleet), (running.Status!.Status, running.Spec!.Type, running.Spec.RelatedObjects!.AdditionalData["clustergroupID"]));
        Assert.Equal("InstallGatekeeper", Assert.Single(running.Spec.TaskList!).Spec!.Type);
        Assert.Equal((400, UcsErrorCodes.ClusterGroupPolicyBusy), (whileRunning.StatusCode, whileRunning.ErrorCode));
        Assert.Equal(("Succeeded", true), (done.Status!.Status, done.Status.FinishTime is not null));
        Assert.Equal((400, UcsErrorCodes.ClusterGroupPolicyAlreadyEnabled), (whenEnabled.StatusCode, whenEnabled.ErrorCode));
        Assert.Equal([$"fleet/{Fleet}"], fixture.Server.PolicyCenters);
        Assert.Equal(started.JobID, Assert.Single((await policy.ListPolicyJobsAsync()).Items!).Metadata!.Uid);
    }

    [Fact]
    public async Task A_policy_instance_appears_changes_and_goes_as_its_jobs_succeed()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var policy = fixture.Client.Policy;
        await policy.EnableClusterPolicyAsync(Cluster);
        fixture.Advance();

        var create = await policy.CreateClusterPolicyInstanceAsync(Cluster, new UcsConstraintRequest { ConstraintTemplateID = VolumeTypes, EnforcementAction = UcsConstraintRequest_enforcementAction.Deny, Namespaces = ["default"] });
        Assert.Empty((await policy.ListPolicyInstancesAsync()).Items!);
        fixture.Advance();
        var instance = Assert.Single((await policy.ListPolicyInstancesAsync()).Items!);
        var job = await policy.ShowPolicyJobAsync(create.JobID!);

        Assert.Equal(("cluster", Cluster, VolumeTypes), (instance.Spec!.TargetScope, instance.Spec.TargetID, instance.Spec.ConstraintTemplateID));
        Assert.Equal(("K8sPSPVolumeTypes", "deny"), (instance.Spec.Constraint!.Kind, instance.Spec.Constraint.Spec!.EnforcementAction));
        Assert.Equal(["default"], instance.Spec.Constraint.Spec.Match!.Namespaces);
        Assert.Equal(instance.Metadata!.Uid, $"{job.Spec!.RelatedObjects!.AdditionalData["policyInstanceID"]}");

        await policy.UpdatePolicyInstanceAsync(instance.Metadata.Uid!, new UcsConstraintRequest { EnforcementAction = UcsConstraintRequest_enforcementAction.Warn, Namespaces = ["default", "web"] });
        Assert.Equal("deny", (await policy.ShowPolicyInstanceAsync(instance.Metadata.Uid!)).Spec!.Constraint!.Spec!.EnforcementAction);
        fixture.Advance();
        Assert.Equal("warn", (await policy.ShowPolicyInstanceAsync(instance.Metadata.Uid!)).Spec!.Constraint!.Spec!.EnforcementAction);

        var delete = await policy.DeletePolicyInstanceAsync(instance.Metadata.Uid!);
        fixture.Advance();
        var gone = await Assert.ThrowsAsync<UcsApiException>(() => policy.ShowPolicyInstanceAsync(instance.Metadata.Uid!));

        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (gone.StatusCode, gone.ErrorCode));
        Assert.Equal(delete.JobID, Assert.Single((await policy.ListPolicyJobsAsync("DeletePolicyInstance")).Items!).Metadata!.Uid);
        Assert.Equal(
            ["EnablePolicy Succeeded", "CreatePolicyInstance Succeeded", "UpdatePolicyInstance Succeeded", "DeletePolicyInstance Succeeded"],
            fixture.Server.PolicyJobs.Select(j => $"{j.Type} {j.Status}"));
    }

    [Fact]
    public async Task A_failed_enable_leaves_the_center_off_and_a_retry_enables_it()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var policy = fixture.Client.Policy;
        fixture.Server.FailNextPolicyJob("cluster is unavailable");

        var failed = await policy.EnableClusterPolicyAsync(Cluster);
        fixture.Advance();
        var job = await policy.ShowPolicyJobAsync(failed.JobID!);
        var notEnabled = await Assert.ThrowsAsync<UcsApiException>(() => policy.CreateClusterPolicyInstanceAsync(Cluster, new UcsConstraintRequest { ConstraintTemplateID = VolumeTypes }));
        await policy.EnableClusterPolicyAsync(Cluster, retry: "true");
        fixture.Advance();

        Assert.Equal(("Failed", "cluster is unavailable"), (job.Status!.Status, job.Status.Reason));
        Assert.Equal((400, UcsErrorCodes.ClusterPolicyNotEnabled), (notEnabled.StatusCode, notEnabled.ErrorCode));
        Assert.Equal([$"cluster/{Cluster}"], fixture.Server.PolicyCenters);
    }

    [Fact]
    public async Task Disabling_a_fleet_removes_its_instances_and_the_wrong_states_answer_their_codes()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var policy = fixture.Client.Policy;
        var unknownFleet = await Assert.ThrowsAsync<UcsApiException>(() => policy.EnableClusterGroupPolicyAsync("fleet-nowhere"));
        var disableOff = await Assert.ThrowsAsync<UcsApiException>(() => policy.DisableClusterGroupPolicyAsync(Fleet));
        var instanceOff = await Assert.ThrowsAsync<UcsApiException>(() => policy.CreateClusterGroupPolicyInstanceAsync(Fleet, new UcsConstraintRequest { ConstraintTemplateID = VolumeTypes }));
        await policy.EnableClusterGroupPolicyAsync(Fleet);
        fixture.Advance();
        var unknownDefinition = await Assert.ThrowsAsync<UcsApiException>(() => policy.CreateClusterGroupPolicyInstanceAsync(Fleet, new UcsConstraintRequest { ConstraintTemplateID = "no-such-definition" }));
        await policy.CreateClusterGroupPolicyInstanceAsync(Fleet, new UcsConstraintRequest { ConstraintTemplateID = VolumeTypes });
        fixture.Advance();
        Assert.Equal(("fleet", Fleet), (Assert.Single(fixture.Server.PolicyInstances).TargetScope, fixture.Server.PolicyInstances[0].TargetId));

        await policy.DisableClusterGroupPolicyAsync(Fleet);
        var busy = await Assert.ThrowsAsync<UcsApiException>(() => policy.DisableClusterGroupPolicyAsync(Fleet));
        fixture.Advance();

        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), (unknownFleet.StatusCode, unknownFleet.ErrorCode));
        Assert.Equal((400, UcsErrorCodes.ClusterGroupPolicyNotEnabled), (disableOff.StatusCode, disableOff.ErrorCode));
        Assert.Equal((400, UcsErrorCodes.ClusterGroupPolicyNotEnabled), (instanceOff.StatusCode, instanceOff.ErrorCode));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (unknownDefinition.StatusCode, unknownDefinition.ErrorCode));
        Assert.Equal((400, UcsErrorCodes.ClusterGroupPolicyBusy), (busy.StatusCode, busy.ErrorCode));
        Assert.Empty(fixture.Server.PolicyInstances);
        Assert.Empty(fixture.Server.PolicyCenters);
    }

    [Fact]
    public async Task Policy_definitions_are_the_documented_catalogue_and_their_tags_can_be_set()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var policy = fixture.Client.Policy;

        var definitions = await policy.ListPolicyDefinitionsAsync();
        var tagged = await policy.UpdatePolicyDefinationAsync(VolumeTypes, new UcsConstraintTemplateTagRequest { Tag = "security;pod" });
        var shown = await policy.ShowPolicyDefinitionAsync(VolumeTypes);
        var unknown = await Assert.ThrowsAsync<UcsApiException>(() => policy.ShowPolicyDefinitionAsync("no-such-definition"));
        var unknownJob = await Assert.ThrowsAsync<UcsApiException>(() => policy.ShowPolicyJobAsync("no-such-job"));

        Assert.Contains(definitions.Items!, d => d.Metadata!.Uid == VolumeTypes && d.Metadata.Name == "k8spspvolumetypes" && d.Kind == "ConstraintTemplate");
        Assert.Equal("security;pod", tagged!.Metadata!.Labels!.AdditionalData["tag"]);
        Assert.Equal("security;pod", shown.Metadata!.Labels!.AdditionalData["tag"]);
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (unknown.StatusCode, unknown.ErrorCode));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (unknownJob.StatusCode, unknownJob.ErrorCode));
    }
}
