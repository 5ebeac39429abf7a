namespace FleetGen.Client;

/// <summary>
/// The wait of every job operation (federation, policy, GitOps): poll, then wait the poll interval (longer when the
/// service asks with <c>Retry-After</c>; an answer of 429, 502, 503 or 504 is waited out, not thrown), until the job
/// has ended or the timeout has passed. Polling sooner than the interval is never done: when less time is left than
/// the next wait, it is waited out and the wait ends.
/// </summary>
internal static class JobPolling
{
    /// <param name="time">The client's clock.</param>
    /// <param name="pollInterval">The time between two polls.</param>
    /// <param name="timeout">How long the whole wait may take, the poll in flight included.</param>
    /// <param name="poll">One poll: given the token bounded by the timeout, and the caller's token (whose cancellation is never taken for the end of the time left).</param>
    /// <param name="completed">Whether the job has ended.</param>
    /// <param name="timedOut">The exception for a wait that ran out of time, saying where the job stood.</param>
    /// <param name="cancellationToken">The caller's token: stops the wait at once.</param>
    public static async Task WaitAsync(TimeProvider time, TimeSpan pollInterval, TimeSpan timeout, Func<CancellationToken, CancellationToken, Task> poll, Func<bool> completed, Func<Exception> timedOut, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        using var timer = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            while (!completed())
            {
                var wait = pollInterval;
                try
                {
                    await poll(bounded.Token, cancellationToken).ConfigureAwait(false);
                }
                catch (UcsApiException e) when (e.StatusCode is 429 or 502 or 503 or 504)
                {
                    if (e.RetryAfter > wait)
                    {
                        wait = e.RetryAfter.Value;
                    }
                }

                if (completed())
                {
                    break;
                }

                var remaining = deadline - time.GetUtcNow();
                if (remaining < wait)
                {
                    if (remaining > TimeSpan.Zero)
                    {
                        await Task.Delay(remaining, time, bounded.Token).ConfigureAwait(false);
                    }

                    throw timedOut();
                }

                await Task.Delay(wait, time, bounded.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw timedOut();
        }
    }
}
