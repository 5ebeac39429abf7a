using System.Globalization;

namespace FleetGen.Client;

/// <summary>
/// A job of the service followed as a long-running operation, as the contract's <c>x-fleetgen-long-running</c>
/// describes it: <see cref="UpdateStatusAsync"/> polls once, <see cref="WaitForCompletionAsync(JobWaitOptions, CancellationToken)"/>
/// polls until the job ends; then <see cref="Value"/> holds what the last poll read, or throws the job's failure (a
/// <see cref="UcsApiException"/>). A derived class says what one poll reads and how to judge it. Not safe for
/// concurrent use: one wait or update at a time.
/// </summary>
/// <typeparam name="T">What a poll reads.</typeparam>
public abstract class JobOperation<T>
    where T : class
{
    private readonly FleetClient client = null!;
    private T? last;
    private UcsApiException? failure;
    private bool succeeded;

    /// <summary>Follows a job with <paramref name="client"/>'s calls; nothing is sent until it is polled.</summary>
    /// <param name="client">The client whose calls poll the job.</param>
    protected JobOperation(FleetClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
    }

    /// <summary>For mocking: a subclass overrides the members it needs.</summary>
    protected JobOperation()
    {
    }

    /// <summary>The job's id, as the start call answered it; keep it to rebuild the operation elsewhere or for a support request.</summary>
    public abstract string? JobId { get; }

    /// <summary>Whether the job has ended, in success or failure.</summary>
    public virtual bool HasCompleted => succeeded || failure is not null;

    /// <summary>Whether the job succeeded and <see cref="Value"/> holds what the last poll read.</summary>
    public virtual bool HasValue => succeeded;

    /// <summary>What the last poll read, once the job succeeded (see <see cref="HasValue"/>).</summary>
    /// <exception cref="UcsApiException">The job failed (a derived exception says how).</exception>
    /// <exception cref="InvalidOperationException">The job has not ended.</exception>
    public virtual T Value => failure is not null ? throw failure
        : succeeded ? last!
        : throw new InvalidOperationException(SafeText.OneLine($"{Name} has not ended yet: wait for it (WaitForCompletionAsync) or poll it (UpdateStatusAsync) first."));

    /// <summary>The client whose calls poll the job.</summary>
    protected FleetClient Client => client;

    /// <summary>The job in words, for messages: <c>the policy job 4882f643-…</c>.</summary>
    protected abstract string Name { get; }

    /// <summary>Polls the job once, unless it has ended.</summary>
    /// <returns>What the poll read (after the end: what the last poll read).</returns>
    /// <exception cref="UcsApiException">The service answered with an error, or with an answer that is not this job's.</exception>
    public virtual async Task<T> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (HasCompleted)
        {
            return last!;
        }

        var read = await ReadAsync(cancellationToken).ConfigureAwait(false);
        last = read;
        failure = Failure(read);
        succeeded = failure is null && HasSucceeded(read);
        return read;
    }

    /// <summary>Waits for the job to end with the default <see cref="JobWaitOptions"/> (poll every 10 s, for at most 30 minutes).</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(JobWaitOptions, CancellationToken)"/>
    public virtual Task WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(new JobWaitOptions(), cancellationToken);

    /// <summary>
    /// Polls the job until it ends, at most once per <see cref="JobWaitOptions.PollInterval"/> (longer when the service
    /// asks with <c>Retry-After</c>); then <see cref="Value"/> holds what the last poll read. The options are checked
    /// before anything is sent.
    /// </summary>
    /// <param name="options">Poll interval and timeout.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <exception cref="UcsApiException">The job failed (a derived exception says how), or the service answered with an error that waiting longer cannot mend.</exception>
    /// <exception cref="JobWaitTimeoutException">The job did not end within the timeout; it says where it stood. The job goes on at the service.</exception>
    public virtual async Task WaitForCompletionAsync(JobWaitOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        await JobPolling.WaitAsync(client.Time, options.PollInterval, options.Timeout, (bounded, _) => UpdateStatusAsync(bounded), () => HasCompleted, () =>
        {
            var status = last is null ? null : Describe(last);
            return new JobWaitTimeoutException(JobId, options.Timeout, status,
                $"{Name} did not end within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; "
                + (status is null ? "no poll was answered." : $"it stood at: {status}.")
                + " The job goes on at the service.");
        }, cancellationToken).ConfigureAwait(false);

        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>One poll of the job.</summary>
    /// <exception cref="UcsApiException">The service answered with an error, or with an answer that is not this job's.</exception>
    protected abstract Task<T> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="read"/> shows the job done.</summary>
    protected abstract bool HasSucceeded(T read);

    /// <summary>The failure <paramref name="read"/> shows; <c>null</c> when it shows none.</summary>
    protected abstract UcsApiException? Failure(T read);

    /// <summary>Where <paramref name="read"/> shows the job, in one line.</summary>
    protected abstract string Describe(T read);
}
