namespace FleetGen.Client.Http;

/// <summary>Bounds a whole call, retries and their waits included; running out raises <see cref="TimeoutException"/>.</summary>
internal sealed class RequestTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The UCS request {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {timeout.TotalSeconds:0.###} s; it was not retried, because the service may have acted on it.",
                e);
        }
    }
}
