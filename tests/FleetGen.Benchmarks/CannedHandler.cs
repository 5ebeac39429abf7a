using System.Net;
using System.Net.Http.Headers;

namespace FleetGen.Benchmarks;

/// <summary>The terminal handler of every contestant: drains the request body and answers 201 with pre-encoded bytes. No network.</summary>
internal sealed class CannedHandler(byte[] response) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public byte[]? LastRequestBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            LastRequestBody = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(response);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.Created) { Content = content, RequestMessage = request };
    }
}
