using System.Globalization;
using FleetGen.Client.Models;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>
    /// Polls ShowFederationProgress until the fleet's federation job ends, at most once per
    /// <see cref="FederationWaitOptions.PollInterval"/> (longer when the service asks with <c>Retry-After</c>), and
    /// returns the finished job. Progress (the job's phase and sub-jobs) is reported when it changes.
    /// </summary>
    /// <param name="fleetId">The fleet.</param>
    /// <param name="options">Poll interval and timeout; defaults when <c>null</c>.</param>
    /// <param name="progress">Receives the job's progress each time it changes.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <exception cref="FederationJobFailedException">The job failed; it names the phase, the reason and the failed sub-job.</exception>
    /// <exception cref="FederationWaitTimeoutException">The job did not end within the timeout; it says where it stood.</exception>
    /// <exception cref="UcsApiException">The service answered with an error that waiting longer cannot mend.</exception>
    public virtual Task<Job> WaitForFederationAsync(string fleetId, FederationWaitOptions? options = null, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        WaitForJobAsync(fleetId, options ?? new FederationWaitOptions(), progress, expected: null, cancellationToken);

    internal async Task<Job> WaitForJobAsync(string fleetId, FederationWaitOptions options, IProgress<FederationProgress>? progress, ExpectedJob? expected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        options.Check();
        var deadline = Time.GetUtcNow() + options.Timeout;
        using var timer = new CancellationTokenSource(options.Timeout, Time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        FederationProgress? reported = null;
        try
        {
            while (true)
            {
                var wait = options.PollInterval;
                try
                {
                    var job = await Federation.ShowFederationProgressAsync(fleetId, bounded.Token).ConfigureAwait(false);
                    if (expected is null || expected.Matches(job))
                    {
                        var now = FederationProgress.Of(job);
                        if (now != reported)
                        {
                            progress?.Report(now);
                            reported = now;
                        }

                        if (job.HasSucceeded())
                        {
                            return job;
                        }

                        if (job.HasFailed())
                        {
                            throw new FederationJobFailedException(fleetId, job, await FederationStatusAsync(fleetId, bounded.Token, cancellationToken).ConfigureAwait(false));
                        }
                    }
                }
                catch (UcsApiException e) when (e.StatusCode is 429 or 502 or 503 or 504)
                {
                    if (e.RetryAfter > wait)
                    {
                        wait = e.RetryAfter.Value;
                    }
                }

                var remaining = deadline - Time.GetUtcNow();
                if (remaining < wait)
                {
                    // Polling sooner than the interval is never done: the time left is waited out, then the wait ends.
                    if (remaining > TimeSpan.Zero)
                    {
                        await Task.Delay(remaining, Time, bounded.Token).ConfigureAwait(false);
                    }

                    throw TimedOut(fleetId, options, reported, expected);
                }

                await Task.Delay(wait, Time, bounded.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(fleetId, options, reported, expected);
        }
    }

    private static FederationWaitTimeoutException TimedOut(string fleetId, FederationWaitOptions options, FederationProgress? reported, ExpectedJob? expected) =>
        new(fleetId, options.Timeout, reported,
            $"The federation job of fleet {fleetId} did not end within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; "
            + (reported is null ? $"no {expected?.TypePrefix ?? "federation"} job was seen." : $"it stood at: {reported}.")
            + " The job goes on at the service.");

    /// <summary>The status of the fleet's Federation condition, for an error message; <c>null</c> when it cannot be read, also in the time left.</summary>
    private async Task<string?> FederationStatusAsync(string fleetId, CancellationToken bounded, CancellationToken cancellationToken)
    {
        try
        {
            return (await Fleet.ShowClusterGroupAsync(fleetId, bounded).ConfigureAwait(false)).GetFederationCondition()?.Status;
        }
        catch (UcsApiException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
