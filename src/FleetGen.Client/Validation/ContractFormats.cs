using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FleetGen.Client.Validation;

/// <summary>
/// The formats JSON Schema defines (and OpenAPI's <c>int32</c>, <c>int64</c>, <c>byte</c>), checked as the validator
/// meets them; the emitter reports any other format as an annotation at build time.
/// </summary>
internal static partial class ContractFormats
{
    /// <summary>Whether <paramref name="text"/> has <paramref name="format"/>; a format not listed here is not checked.</summary>
    public static bool IsValid(string format, string text) => format switch
    {
        "date-time" => DateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "time" => Time().IsMatch(text),
        "duration" => Duration().IsMatch(text),
        "email" or "idn-email" => MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0,
        "hostname" => Hostname().IsMatch(text),
        "idn-hostname" => IdnHostname(text),
        "ipv4" => Ipv4().IsMatch(text) && IPAddress.TryParse(text, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork,
        "ipv6" => text.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
        "uri" or "iri" => !HasSpace(text) && Scheme().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out _),
        "uri-reference" or "iri-reference" => !HasSpace(text) && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "uri-template" => UriTemplate().IsMatch(text),
        "json-pointer" => JsonPointer().IsMatch(text),
        "relative-json-pointer" => RelativeJsonPointer().IsMatch(text),
        "regex" => IsRegex(text),
        "byte" => text.Length % 4 == 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _),
        _ => true,
    };

    /// <summary>Whether a number fits an integer format (<c>int32</c>, <c>int64</c>); other formats say nothing about numbers.</summary>
    public static bool IsValid(string format, double number) => format switch
    {
        "int32" => number is >= int.MinValue and <= int.MaxValue,
        "int64" => number is >= long.MinValue and <= long.MaxValue,
        _ => true,
    };

    /// <summary>How a rule names the format in a violation.</summary>
    public static string Describe(string format) => format switch
    {
        "int32" => "must fit a 32-bit integer (format int32)",
        "int64" => "must fit a 64-bit integer (format int64)",
        "byte" => "must be base64 (format byte)",
        _ => $"must be a valid {format}",
    };

    private static bool HasSpace(string text) => text.Any(char.IsWhiteSpace);

    private static bool IdnHostname(string text)
    {
        try
        {
            return Hostname().IsMatch(new IdnMapping().GetAscii(text));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsRegex(string text)
    {
        try
        {
            _ = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // A URI starts with its scheme; without this check a Unix path (/a/b) reads as an absolute file URI.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();

    // RFC 3339 full-time, with the offset optional: Kiota writes a Time as HH:mm:ss.
    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex Time();

    [GeneratedRegex(@"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?=.{1,253}\.?$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")]
    private static partial Regex Hostname();

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^([^{}]|\{[^{}]+\})*$")]
    private static partial Regex UriTemplate();

    [GeneratedRegex(@"^(/([^~/]|~[01])*)*$")]
    private static partial Regex JsonPointer();

    [GeneratedRegex(@"^(0|[1-9]\d*)(#|(/([^~/]|~[01])*)*)$")]
    private static partial Regex RelativeJsonPointer();
}
