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
        FederationProgress? reported = null;
        while (true)
        {
            var wait = options.PollInterval;
            try
            {
                var job = await ShowFederationProgressAsync(fleetId, cancellationToken).ConfigureAwait(false);
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
                        throw new FederationJobFailedException(fleetId, job, await FederationStatusAsync(fleetId, cancellationToken).ConfigureAwait(false));
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
                    await Task.Delay(remaining, Time, cancellationToken).ConfigureAwait(false);
                }

                throw new FederationWaitTimeoutException(fleetId, options.Timeout, reported,
                    $"The federation job of fleet {fleetId} did not end within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; "
                    + (reported is null ? $"no {expected?.TypePrefix ?? "federation"} job was seen." : $"it stood at: {reported}.")
                    + " The job goes on at the service.");
            }

            await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The status of the fleet's Federation condition, for an error message; <c>null</c> when it cannot be read.</summary>
    private async Task<string?> FederationStatusAsync(string fleetId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false)).GetFederationCondition()?.Status;
        }
        catch (UcsApiException)
        {
            return null;
        }
    }
}
