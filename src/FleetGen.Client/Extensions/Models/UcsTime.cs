using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetGen.Client.Models;

/// <summary>
/// Reads the times UCS sends: Go's default format (<c>2023-07-31 13:16:20.715779 +0000 UTC</c>) or RFC 3339. The zero
/// time (<c>0001-01-01T00:00:00Z</c>) means "unknown", as does anything else that does not parse.
/// </summary>
internal static partial class UcsTime
{
    public static DateTimeOffset? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        DateTimeOffset? time = GoFormat().Match(text.Trim()) is { Success: true } go
            ? DateTimeOffset.TryParseExact(
                $"{go.Groups["date"].Value}T{go.Groups["time"].Value}{Fraction(go.Groups["fraction"].Value)}{go.Groups["offset"].Value[..3]}:{go.Groups["offset"].Value[3..]}",
                "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed) ? parsed : null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var rfc3339) ? rfc3339 : null;
        return time is { Year: 1 } ? null : time;
    }

    /// <summary>Go sends up to nine fractional digits, .NET reads seven.</summary>
    private static string Fraction(string digits) => "." + (digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0'));

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2}) (?<time>\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))? (?<offset>[+-]\d{4})(?: [A-Za-z0-9+-]+)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GoFormat();
}
