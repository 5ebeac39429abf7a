using System.Globalization;

namespace FleetGen.Client.Authentication;

/// <summary>
/// The rule for every value that travels in a credential header: printable ASCII only. A carriage return or line feed
/// would start a header of the attacker's choosing; other control and non-ASCII characters have no place in a token,
/// key or id. Problems name the character and its position, never the value.
/// </summary>
internal static class CredentialValue
{
    /// <summary>What is wrong with <paramref name="value"/>, or <c>null</c> when it may be sent.</summary>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < ' ' or > '~')
            {
                var kind = char.IsControl(c) ? "a control character" : "a non-ASCII character";
                return string.Create(CultureInfo.InvariantCulture, $"contains {kind} (U+{(int)c:X4}) at position {i + 1}; credentials are printable ASCII");
            }
        }

        return null;
    }

    /// <summary>The value, or an <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    public static string Checked(string value, string parameter) =>
        Problem(value) is { } problem ? throw new ArgumentException($"{parameter}: {problem}.", parameter) : value;
}
