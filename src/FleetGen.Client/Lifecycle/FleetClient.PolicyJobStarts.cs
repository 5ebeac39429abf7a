using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>Starting a policy job as a <see cref="PolicyJobOperation"/>: the start call, then the job id its answer carries.</summary>
public partial class FleetClient
{
    /// <summary>Enables the policy center for the fleet (EnableClusterGroupPolicy).</summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="retry">Retry a failed enable (<c>retry</c> of EnableClusterGroupPolicy).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartEnableClusterGroupPolicyAsync(string fleetId, string? retry = null, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.EnableClusterGroupPolicyWithResponseAsync(fleetId, retry, cancellationToken).ConfigureAwait(false));

    /// <summary>Disables the policy center of the fleet (DisableClusterGroupPolicy).</summary>
    /// <inheritdoc cref="StartEnableClusterGroupPolicyAsync"/>
    public virtual async Task<PolicyJobOperation> StartDisableClusterGroupPolicyAsync(string fleetId, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.DisableClusterGroupPolicyWithResponseAsync(fleetId, cancellationToken).ConfigureAwait(false));

    /// <summary>Enables the policy center for the cluster (EnableClusterPolicy).</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="retry">Retry a failed enable (<c>retry</c> of EnableClusterPolicy).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartEnableClusterPolicyAsync(string clusterId, string? retry = null, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.EnableClusterPolicyWithResponseAsync(clusterId, retry, cancellationToken).ConfigureAwait(false));

    /// <summary>Disables the policy center of the cluster (DisableClusterPolicy).</summary>
    /// <inheritdoc cref="StartEnableClusterPolicyAsync"/>
    public virtual async Task<PolicyJobOperation> StartDisableClusterPolicyAsync(string clusterId, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.DisableClusterPolicyWithResponseAsync(clusterId, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates a policy instance for the fleet (CreateClusterGroupPolicyInstance).</summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="body">The policy instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartCreateClusterGroupPolicyInstanceAsync(string fleetId, UcsConstraintRequest body, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.CreateClusterGroupPolicyInstanceWithResponseAsync(fleetId, body, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates a policy instance for the cluster (CreateClusterPolicyInstance).</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="body">The policy instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartCreateClusterPolicyInstanceAsync(string clusterId, UcsConstraintRequest body, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.CreateClusterPolicyInstanceWithResponseAsync(clusterId, body, cancellationToken).ConfigureAwait(false));

    /// <summary>Updates a policy instance (UpdatePolicyInstance).</summary>
    /// <param name="policyInstanceId">The policy instance.</param>
    /// <param name="body">The policy instance as it is to be.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartUpdatePolicyInstanceAsync(string policyInstanceId, UcsConstraintRequest body, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.UpdatePolicyInstanceWithResponseAsync(policyInstanceId, body, cancellationToken).ConfigureAwait(false));

    /// <summary>Deletes a policy instance (DeletePolicyInstance).</summary>
    /// <param name="policyInstanceId">The policy instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, to wait for or to poll.</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with no job id to follow.</exception>
    public virtual async Task<PolicyJobOperation> StartDeletePolicyInstanceAsync(string policyInstanceId, CancellationToken cancellationToken = default) =>
        PolicyJob(await Policy.DeletePolicyInstanceWithResponseAsync(policyInstanceId, cancellationToken).ConfigureAwait(false));

    /// <summary>The operation following the job the answer names; an answer without a job id cannot be followed.</summary>
    private PolicyJobOperation PolicyJob(FleetResponse<JobIdAnswer> answer) =>
        new(this, answer.Value.GetJobId() ?? throw UcsApiException.UnusableAnswer(answer.Status, "it carries no job id (jobID or jobId) to follow the policy job with", answer.RequestId));
}
