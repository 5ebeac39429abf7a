using FleetGen.Client.Http;
using Microsoft.Kiota.Abstractions;
using FleetGen.Client.Runtime;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client;

/// <summary>
/// Kiota's response handler for one call: keeps the status, the request id and the body (buffered by
/// <see cref="CallBoundsHandler"/> within the call's limits) so that the engine reads the model from the same bytes
/// that the operation's hook may check.
/// </summary>
internal sealed class AnswerCapture : IResponseHandler
{
    private byte[] body = [];
    private int statusCode;
    private string? requestId;
    private SecretRedactor? redactor;
    private HttpResponseMessage? response;

    public async Task<TModel?> HandleResponseAsync<TNative, TModel>(TNative response, Dictionary<string, ParsableFactory<IParsable>>? errorMappings)
    {
        using var message = response as HttpResponseMessage ?? throw new InvalidOperationException($"Kiota answered with {typeof(TNative).Name}, not an HTTP response.");
        this.response = message;
        statusCode = (int)message.StatusCode;
        requestId = UcsResponseHeaders.RequestId(message);
        redactor = SecretRedactor.For(message.RequestMessage);
        body = await message.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return default;
    }

    /// <summary>The answer of an operation without a body to read: status, headers and request id.</summary>
    public FleetResponse Response() => new(statusCode, new FleetResponseHeaders(response?.Headers, response?.Content.Headers), (redactor ?? SecretRedactor.For()).Apply(requestId));

    public FleetAnswer<T> Answer<T>() => new(statusCode, requestId, body, redactor ?? SecretRedactor.For(), response?.Headers, response?.Content.Headers);
}
