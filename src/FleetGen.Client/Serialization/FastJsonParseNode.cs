using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Serialization;

/// <summary>
/// The root of a JSON body: <see cref="GetObjectValue{T}"/> tries the emitted reader first; every other read, and any
/// body the reader gives up on, uses Kiota's JsonParseNode over the same bytes, parsed on first use.
/// </summary>
internal sealed class FastJsonParseNode(ReadOnlyMemory<byte> json) : IParseNode
{
    private JsonParseNode? kiota;

    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    /// <summary>Whether this body needed Kiota's own parse.</summary>
    public bool UsedKiota => kiota is not null;

    private JsonParseNode Kiota => kiota ??= new JsonParseNode(JsonDocument.Parse(json).RootElement)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    public T GetObjectValue<T>(ParsableFactory<T> factory) where T : IParsable
    {
        if (OnBeforeAssignFieldValues is null && OnAfterAssignFieldValues is null && TryReadFast<T>(out var value))
        {
            return value;
        }

        return Kiota.GetObjectValue(factory);
    }

    private bool TryReadFast<T>([NotNullWhen(true)] out T? value)
    {
        try
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (reader.Read() && ContractJson.TryRead(typeof(T), ref reader, out var read) && read is T typed && !reader.Read())
            {
                value = typed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        value = default;
        return false;
    }

    public string? GetStringValue() => Kiota.GetStringValue();

    public IParseNode? GetChildNode(string identifier) => Kiota.GetChildNode(identifier);

    public bool? GetBoolValue() => Kiota.GetBoolValue();

    public byte? GetByteValue() => Kiota.GetByteValue();

    public sbyte? GetSbyteValue() => Kiota.GetSbyteValue();

    public int? GetIntValue() => Kiota.GetIntValue();

    public float? GetFloatValue() => Kiota.GetFloatValue();

    public long? GetLongValue() => Kiota.GetLongValue();

    public double? GetDoubleValue() => Kiota.GetDoubleValue();

    public decimal? GetDecimalValue() => Kiota.GetDecimalValue();

    public Guid? GetGuidValue() => Kiota.GetGuidValue();

    public DateTimeOffset? GetDateTimeOffsetValue() => Kiota.GetDateTimeOffsetValue();

    public TimeSpan? GetTimeSpanValue() => Kiota.GetTimeSpanValue();

    public Date? GetDateValue() => Kiota.GetDateValue();

    public Time? GetTimeValue() => Kiota.GetTimeValue();

    public IEnumerable<T> GetCollectionOfPrimitiveValues<T>() => Kiota.GetCollectionOfPrimitiveValues<T>();

    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        Kiota.GetCollectionOfEnumValues<T>();

    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory) where T : IParsable => Kiota.GetCollectionOfObjectValues(factory);

    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum => Kiota.GetEnumValue<T>();

    public byte[]? GetByteArrayValue() => Kiota.GetByteArrayValue();
}
