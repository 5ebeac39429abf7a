using System.Globalization;

namespace FleetGen.Client.Http;

/// <summary>
/// Bounds a whole call in time, retries, their waits and the reading of the answer's body included, and bounds a success
/// body in size (after decompression): the body is read into memory here, before the deadline ends, so a server that
/// sends slowly, endlessly or a compression bomb is stopped. Running out of time raises <see cref="TimeoutException"/>;
/// a body that is too large or cut short raises <see cref="UcsApiException"/>.
/// </summary>
internal sealed class CallBoundsHandler(TimeSpan timeout, long maxBodySize, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            await BufferBodyAsync(response, deadline.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timer.IsCancellationRequested)
        {
            response?.Dispose();
            var stage = response is null ? "did not complete" : "did not finish sending its answer";
            var advice = UcsRetryHandler.PolicyOf(request) == Runtime.FleetRetryPolicy.Idempotent
                ? "it is safe to retry, because the request cannot act twice"
                : "it was not retried, because the service may have acted on it";
            throw new TimeoutException(
                $"The UCS request {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} {stage} within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; {advice}.",
                e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private async Task BufferBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > maxBodySize)
        {
            throw TooLarge(response, status);
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(maxBodySize, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw TooLarge(response, status, e);
        }
        catch (HttpRequestException e) when (IsCutShort(e))
        {
            throw UcsApiException.UnusableAnswer(status, "the body was cut short: the connection closed before the whole body arrived", UcsResponseHeaders.RequestId(response), e);
        }
    }

    private UcsApiException TooLarge(HttpResponseMessage response, int status, Exception? inner = null) =>
        UcsApiException.UnusableAnswer(
            status,
            string.Create(CultureInfo.InvariantCulture, $"the body is larger than {maxBodySize} bytes (FleetClientOptions.MaxResponseBodySize); it was not read further"),
            UcsResponseHeaders.RequestId(response),
            inner);

    private static bool IsCutShort(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded })
            {
                return true;
            }
        }

        return false;
    }
}
