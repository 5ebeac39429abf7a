using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;

namespace FleetGen.Client.Validation;

/// <summary>A façade argument as the JSON value the contract describes, for validation; and a header argument as text.</summary>
public static class ContractValues
{
    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        Guid id => JsonValue.Create(id.ToString("D")),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        Enum member => JsonValue.Create(EnumText(member)),
        System.Collections.IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>A header value as it is sent: JSON's spelling of booleans and numbers, ISO 8601 times.</summary>
    public static string HeaderText(object value) => ToJson(value) switch
    {
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        { } node => node.ToJsonString(),
        null => string.Empty,
    };

    private static string EnumText(Enum member)
    {
        var name = member.ToString();
        var field = member.GetType().GetField(name);
        return field?.GetCustomAttributes(typeof(EnumMemberAttribute), false) is [EnumMemberAttribute { Value: { } value }, ..] ? value : name;
    }
}
