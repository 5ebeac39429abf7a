using System.Globalization;
using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// A federation job (CreateFederation, DeleteFederation, UpgradeFederation, RollbackFederation) followed as a
/// long-running operation: returned by the <c>Start…FederationAsync</c> methods, or rebuilt from a fleet and job id
/// (<see cref="FederationJobOperation(FleetClient, string, string)"/>) to follow the job from another process.
/// <see cref="UpdateStatusAsync"/> polls once; <see cref="WaitForCompletionAsync(FederationWaitOptions, IProgress{FederationProgress}?, CancellationToken)"/>
/// polls until the job ends. Not safe for concurrent use: one wait or update at a time.
/// </summary>
public class FederationJobOperation
{
    private readonly FleetClient client = null!;
    private ExpectedJob? expected;
    private Job? job;
    private FederationJobFailedException? failure;
    private bool federationGone;

    /// <summary>Follows the job <paramref name="jobId"/> of fleet <paramref name="fleetId"/>, e.g. one started in another process; nothing is sent until it is polled.</summary>
    /// <param name="client">The client whose calls poll the job.</param>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="jobId">The job's id (its uid), as <see cref="JobId"/> gave it.</param>
    public FederationJobOperation(FleetClient client, string fleetId, string jobId)
        : this(client, fleetId, ExpectedJob.WithId(ValidJobId(jobId)))
    {
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected FederationJobOperation()
    {
        FleetId = string.Empty;
    }

    /// <summary>Follows the <paramref name="expected"/> job of the fleet; <c>null</c> for whichever job the fleet shows at each poll.</summary>
    internal FederationJobOperation(FleetClient client, string fleetId, ExpectedJob? expected)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        this.client = client;
        FleetId = fleetId;
        this.expected = expected;
    }

    /// <summary>The fleet.</summary>
    public virtual string FleetId { get; }

    /// <summary>
    /// The job's id: known from the start for an upgrade, a rollback and a rebuilt operation; for an enable or a
    /// disable (whose start calls return no id), known once a poll has shown the new job. Keep it to rebuild the
    /// operation elsewhere.
    /// </summary>
    public virtual string? JobId => expected?.JobId ?? job?.Metadata?.Uid;

    /// <summary>Whether the job has ended: succeeded, failed, or (for a disable) gone with the federation.</summary>
    public virtual bool HasCompleted => federationGone || failure is not null || job?.HasSucceeded() == true;

    /// <summary>Whether the job succeeded and <see cref="Value"/> holds it: <c>false</c> while it runs, when it failed, and when a disable ended with the service showing no job any more.</summary>
    public virtual bool HasValue => failure is null && job?.HasSucceeded() == true;

    /// <summary>The job as last read, once it succeeded (see <see cref="HasValue"/>).</summary>
    /// <exception cref="FederationJobFailedException">The job failed.</exception>
    /// <exception cref="InvalidOperationException">The job has not ended, or it was a disable that left no job to show.</exception>
    public virtual Job Value
    {
        get
        {
            if (failure is not null)
            {
                throw failure;
            }

            return HasValue ? job! : throw new InvalidOperationException(SafeText.OneLine(federationGone
                ? $"The federation of fleet {FleetId} is gone and the service shows no job any more: the disable ended without a job to show."
                : $"The federation job of fleet {FleetId} has not ended yet: wait for it (WaitForCompletionAsync) or poll it (UpdateStatusAsync) first."));
        }
    }

    /// <summary>Polls the job once (ShowFederationProgress), unless it has ended.</summary>
    /// <returns>The job as read when it is the one followed; <c>null</c> when the service does not show it (yet), or shows no job after a disable.</returns>
    /// <exception cref="UcsApiException">The service answered with an error.</exception>
    public virtual Task<Job?> UpdateStatusAsync(CancellationToken cancellationToken = default) => PollAsync(cancellationToken, cancellationToken);

    /// <summary>Waits for the job to end with the default <see cref="FederationWaitOptions"/> (poll every 10 s, for at most 30 minutes).</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(FederationWaitOptions, IProgress{FederationProgress}?, CancellationToken)"/>
    public virtual Task WaitForCompletionAsync(IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(new FederationWaitOptions(), progress, cancellationToken);

    /// <summary>
    /// Polls the job until it ends, at most once per <see cref="FederationWaitOptions.PollInterval"/> (longer when the
    /// service asks with <c>Retry-After</c>); then <see cref="Value"/> holds the finished job. Progress (the job's phase
    /// and sub-jobs) is reported when it changes. The options are checked before anything is sent.
    /// </summary>
    /// <param name="options">Poll interval and timeout.</param>
    /// <param name="progress">Receives the job's progress each time it changes.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <exception cref="FederationJobFailedException">The job failed; it names the phase, the reason and the failed sub-job.</exception>
    /// <exception cref="FederationWaitTimeoutException">The job did not end within the timeout; it says where it stood. The job goes on at the service.</exception>
    /// <exception cref="UcsApiException">The service answered with an error that waiting longer cannot mend.</exception>
    public virtual async Task WaitForCompletionAsync(FederationWaitOptions options, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        FederationProgress? reported = null;
        await JobPolling.WaitAsync(client.Time, options.PollInterval, options.Timeout, async (bounded, caller) =>
        {
            if (await PollAsync(bounded, caller).ConfigureAwait(false) is { } read && FederationProgress.Of(read) is var now && now != reported)
            {
                progress?.Report(now);
                reported = now;
            }
        }, () => HasCompleted, () => TimedOut(options, reported), cancellationToken).ConfigureAwait(false);

        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>One poll; <paramref name="bounded"/> bounds it (the wait's timeout, or the caller's token), a cancellation by <paramref name="cancellationToken"/> is never taken for the end of the time left.</summary>
    private async Task<Job?> PollAsync(CancellationToken bounded, CancellationToken cancellationToken)
    {
        if (HasCompleted)
        {
            return job;
        }

        Job read;
        try
        {
            read = await client.Federation.ShowFederationProgressAsync(FleetId, bounded).ConfigureAwait(false);
        }
        catch (UcsApiException e) when (IsDisable && e.ErrorCode is UcsErrorCodes.ClusterGroupNotFederated or UcsErrorCodes.ResourceNotFound)
        {
            federationGone = true;
            return null;
        }

        if (expected is not null && !expected.Matches(read))
        {
            return null;
        }

        // Once seen, the job is followed by its id: a later job never takes its place.
        if (expected is { JobId: null } && !string.IsNullOrEmpty(read.Metadata?.Uid))
        {
            expected = expected with { JobId = read.Metadata.Uid };
        }

        job = read;
        if (read.HasFailed())
        {
            failure = new FederationJobFailedException(FleetId, read, await client.FederationStatusAsync(FleetId, bounded, cancellationToken).ConfigureAwait(false));
        }

        return read;
    }

    /// <summary>Whether the job followed is a DeleteFederation job, after which the service may show no job at all.</summary>
    private bool IsDisable =>
        string.Equals(expected?.TypePrefix ?? job?.Spec?.Type, FederationJobType.DeleteFederation, StringComparison.OrdinalIgnoreCase);

    private FederationWaitTimeoutException TimedOut(FederationWaitOptions options, FederationProgress? reported) =>
        new(FleetId, options.Timeout, reported,
            $"The federation job of fleet {FleetId} did not end within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; "
            + (reported is not null ? $"it stood at: {reported}."
                : expected?.TypePrefix is { } type ? $"no {type} job was seen."
                : expected?.JobId is { } id ? $"job {id} was not seen."
                : "no federation job was seen.")
            + " The job goes on at the service.");

    private static string ValidJobId(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return jobId;
    }
}
