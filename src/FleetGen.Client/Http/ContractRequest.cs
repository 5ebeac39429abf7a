using FleetGen.Client.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Http;

/// <summary>
/// What the emitted <c>ContractRequests</c> build requests with: the same message Kiota's request adapter makes from a
/// generated request builder (tested equal), without constructing the adapter and its request information per call.
/// </summary>
internal static class ContractRequest
{
    /// <summary>A path parameter as one segment: everything but RFC 3986's unreserved characters percent-encoded, as URI templates expand it.</summary>
    public static string PathSegment(string value) => Uri.EscapeDataString(value);

    public static HttpRequestMessage Create(HttpMethod method, string uri, string accept, string? contentType = null, IParsable? body = null)
    {
        var message = new HttpRequestMessage(method, uri);
        message.Headers.TryAddWithoutValidation("Accept", accept);
        if (body is not null && contentType is not null)
        {
            using var writer = FleetSerialization.SerializationWriterFactory.GetSerializationWriter(contentType);
            writer.WriteObjectValue(null, body);
            message.Content = new StreamContent(writer.GetSerializedContent());
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return message;
    }
}
