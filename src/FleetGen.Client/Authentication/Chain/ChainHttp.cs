using System.Net.Http.Headers;

namespace FleetGen.Client.Authentication;

/// <summary>The chain's requests to metadata, Pod Identity and IAM: each with its own timeout, no redirect followed, answers bounded.</summary>
internal sealed class ChainHttp(HttpMessageHandler? transport)
{
    /// <summary>The most bytes of an answer read: credential answers are a few kilobytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly Lazy<HttpClient> client = new(() => transport is null
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan }
        : new HttpClient(transport, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });

    /// <exception cref="TimeoutException">No full answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent.</exception>
    /// <exception cref="InvalidDataException">The answer is larger than <see cref="MaxAnswerBytes"/>.</exception>
    public async Task<ChainAnswer> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await client.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(timer.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxAnswerBytes + 1];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), timer.Token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return length > MaxAnswerBytes
                    ? throw new InvalidDataException($"the answer is larger than {MaxAnswerBytes / 1024} KiB")
                    : new ChainAnswer((int)response.StatusCode, response.Headers, buffer.AsSpan(0, length).ToArray());
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.###} s");
        }
    }
}

/// <summary>An answer read whole (up to <see cref="ChainHttp.MaxAnswerBytes"/>).</summary>
internal sealed record ChainAnswer(int Status, HttpResponseHeaders Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
