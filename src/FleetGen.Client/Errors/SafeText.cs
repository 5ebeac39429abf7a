using System.Globalization;
using System.Text;

namespace FleetGen.Client;

/// <summary>
/// Text that came from outside (a service answer, a file, a flag) made safe to print inside one line of a terminal or
/// a log: control characters (newlines, escape sequences) and bidirectional overrides are shown as <c>\n</c>,
/// <c>\u001B</c> and so on, so they can neither start a new line nor move the cursor nor reorder what is shown.
/// </summary>
public static class SafeText
{
    /// <summary>The text with every unsafe character escaped; empty for <c>null</c>.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when IsUnsafe(c) => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
