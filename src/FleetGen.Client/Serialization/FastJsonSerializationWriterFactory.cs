using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Serialization;

/// <summary>Kiota's JSON writer factory, handing out writers with the emitted fast path for the contract's request bodies.</summary>
internal sealed class FastJsonSerializationWriterFactory : ISerializationWriterFactory
{
    private readonly JsonSerializationWriterFactory kiota = new();

    public string ValidContentType => kiota.ValidContentType;

    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        if (!string.Equals(contentType, ValidContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type, got {contentType}");
        }

        return new FastJsonSerializationWriter(kiota);
    }
}
