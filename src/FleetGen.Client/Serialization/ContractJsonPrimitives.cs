using System.Text.Json;

namespace FleetGen.Client.Serialization;

/// <summary>The scalar reads of the emitted fast JSON reader; each is false where Kiota's own path must decide.</summary>
internal static class ContractJsonPrimitives
{
    public static bool ReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    public static bool ReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    public static bool ReadInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    public static bool ReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    public static bool ReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) ? number : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    public static bool Unsupported<T>(ref Utf8JsonReader reader, out T? value)
    {
        value = default;
        return false;
    }
}
