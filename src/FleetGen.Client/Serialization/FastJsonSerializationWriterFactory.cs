using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Serialization;

/// <summary>Kiota's JSON writer factory, handing out writers with the emitted fast path for the contract's request bodies.</summary>
internal sealed class FastJsonSerializationWriterFactory : ISerializationWriterFactory
{
    /// <summary>Made on first need: a body the emitted writer covers never loads Kiota's JSON serialization.</summary>
    private readonly Lazy<JsonSerializationWriterFactory> kiota = new(() => new JsonSerializationWriterFactory());

    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        if (!string.Equals(contentType, ValidContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type, got {contentType}");
        }

        return new FastJsonSerializationWriter(() => kiota.Value);
    }
}
