using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client;

/// <summary>The serialization factories every FleetClient hands its request adapter; stateless, so shared.</summary>
internal static class FleetSerialization
{
    public static IParseNodeFactory ParseNodeFactory { get; } = new JsonParseNodeFactory();

    public static ISerializationWriterFactory SerializationWriterFactory { get; } = new JsonSerializationWriterFactory();
}
