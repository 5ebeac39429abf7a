using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// A policy job (enabling or disabling the policy center of a fleet or cluster, creating, updating or deleting a
/// policy instance) followed as a long-running operation, as the contract's <c>PolicyJob</c> says: ShowPolicyJob with
/// the job id; <c>status.status</c> Succeeded is done, Failed or TimedOut failed (<see cref="PolicyJobFailedException"/>),
/// Running and any value not documented still at work. Returned by the <c>Start…</c> policy methods of
/// <see cref="FleetClient"/>, or rebuilt from the job id (<see cref="PolicyJobOperation(FleetClient, string)"/>).
/// </summary>
public class PolicyJobOperation : JobOperation<UcsJob>
{
    /// <summary>Follows the policy job <paramref name="jobId"/>, e.g. one started in another process; nothing is sent until it is polled.</summary>
    /// <param name="client">The client whose calls poll the job.</param>
    /// <param name="jobId">The job's id (<c>jobID</c> of the start call's answer).</param>
    public PolicyJobOperation(FleetClient client, string jobId)
        : base(client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        JobId = jobId;
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected PolicyJobOperation()
    {
    }

    /// <inheritdoc />
    public override string? JobId { get; }

    /// <inheritdoc />
    protected override string Name => $"The policy job {JobId}";

    /// <inheritdoc />
    protected override async Task<UcsJob> ReadAsync(CancellationToken cancellationToken)
    {
        var answer = await Client.Policy.ShowPolicyJobWithResponseAsync(JobId!, cancellationToken).ConfigureAwait(false);
        if (answer.Value.Metadata?.Uid is { Length: > 0 } uid && uid != JobId)
        {
            throw UcsApiException.UnusableAnswer(answer.Status, $"it shows the policy job {uid} when {JobId} was asked for", answer.RequestId);
        }

        return answer.Value;
    }

    /// <inheritdoc />
    protected override bool HasSucceeded(UcsJob read) => Is(read.Status?.Status, PolicyJobStatus.Succeeded);

    /// <inheritdoc />
    protected override UcsApiException? Failure(UcsJob read) =>
        Is(read.Status?.Status, PolicyJobStatus.Failed) || Is(read.Status?.Status, PolicyJobStatus.TimedOut) ? new PolicyJobFailedException(JobId!, read) : null;

    /// <inheritdoc />
    protected override string Describe(UcsJob read) =>
        $"{read.Spec?.Type ?? "job"} {(string.IsNullOrEmpty(read.Status?.Status) ? "(no status yet)" : read.Status.Status)}";

    private static bool Is(string? status, string value) => string.Equals(status, value, StringComparison.OrdinalIgnoreCase);
}
