using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Serialization;

/// <summary>The serialization factories every FleetClient hands its request adapter; stateless, so shared.</summary>
internal static class FleetSerialization
{
    public static IParseNodeFactory ParseNodeFactory { get; } = new FastJsonParseNodeFactory();

    public static ISerializationWriterFactory SerializationWriterFactory { get; } = new FastJsonSerializationWriterFactory();
}
