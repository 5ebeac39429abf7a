using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Serialization;

/// <summary>
/// Writes a whole request body of the contract with the emitted writer; any other use, or a body the emitted writer
/// does not cover (e.g. one with additional data), goes to Kiota's JsonSerializationWriter.
/// </summary>
internal sealed class FastJsonSerializationWriter(Func<JsonSerializationWriterFactory> factory) : ISerializationWriter
{
    private ISerializationWriter? kiota;
    private ArrayBufferWriter<byte>? fast;

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    private ISerializationWriter Kiota
    {
        get
        {
            if (fast is not null)
            {
                throw new InvalidOperationException("The body was already written whole.");
            }

            return kiota ??= CreateKiota();
        }
    }

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge) where T : IParsable
    {
        if (key is null && kiota is null && fast is null && value is not null && additionalValuesToMerge.Length == 0
            && OnBeforeObjectSerialization is null && OnAfterObjectSerialization is null && OnStartObjectSerialization is null)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (ContractJson.TryWrite(value, writer))
                {
                    writer.Flush();
                    fast = buffer;
                    return;
                }
            }
        }

        Kiota.WriteObjectValue(key, value, additionalValuesToMerge);
    }

    public Stream GetSerializedContent() =>
        fast is not null && MemoryMarshal.TryGetArray(fast.WrittenMemory, out var written)
            ? new MemoryStream(written.Array!, written.Offset, written.Count, writable: false)
            : Kiota.GetSerializedContent();

    public void WriteStringValue(string? key, string? value) => Kiota.WriteStringValue(key, value);

    public void WriteBoolValue(string? key, bool? value) => Kiota.WriteBoolValue(key, value);

    public void WriteByteValue(string? key, byte? value) => Kiota.WriteByteValue(key, value);

    public void WriteSbyteValue(string? key, sbyte? value) => Kiota.WriteSbyteValue(key, value);

    public void WriteIntValue(string? key, int? value) => Kiota.WriteIntValue(key, value);

    public void WriteFloatValue(string? key, float? value) => Kiota.WriteFloatValue(key, value);

    public void WriteLongValue(string? key, long? value) => Kiota.WriteLongValue(key, value);

    public void WriteDoubleValue(string? key, double? value) => Kiota.WriteDoubleValue(key, value);

    public void WriteDecimalValue(string? key, decimal? value) => Kiota.WriteDecimalValue(key, value);

    public void WriteGuidValue(string? key, Guid? value) => Kiota.WriteGuidValue(key, value);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => Kiota.WriteDateTimeOffsetValue(key, value);

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => Kiota.WriteTimeSpanValue(key, value);

    public void WriteDateValue(string? key, Date? value) => Kiota.WriteDateValue(key, value);

    public void WriteTimeValue(string? key, Time? value) => Kiota.WriteTimeValue(key, value);

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) => Kiota.WriteCollectionOfPrimitiveValues(key, values);

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values) where T : IParsable => Kiota.WriteCollectionOfObjectValues(key, values);

    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values) where T : struct, Enum =>
        Kiota.WriteCollectionOfEnumValues(key, values);

    public void WriteByteArrayValue(string? key, byte[]? value) => Kiota.WriteByteArrayValue(key, value);

    public void WriteEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value) where T : struct, Enum =>
        Kiota.WriteEnumValue(key, value);

    public void WriteNullValue(string? key) => Kiota.WriteNullValue(key);

    public void WriteAdditionalData(IDictionary<string, object> value) => Kiota.WriteAdditionalData(value);

    public void Dispose() => kiota?.Dispose();

    private ISerializationWriter CreateKiota()
    {
        var kiotaFactory = factory();
        var writer = kiotaFactory.GetSerializationWriter(kiotaFactory.ValidContentType);
        writer.OnBeforeObjectSerialization = OnBeforeObjectSerialization;
        writer.OnAfterObjectSerialization = OnAfterObjectSerialization;
        writer.OnStartObjectSerialization = OnStartObjectSerialization;
        return writer;
    }
}
