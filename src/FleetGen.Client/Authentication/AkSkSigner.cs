using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FleetGen.Client.Authentication;

/// <summary>
/// SDK-HMAC-SHA256, the AK/SK request signature of Huawei Cloud APIs: a canonical request (method, canonical path,
/// canonical query, signed headers, hash of the exact body bytes) is hashed into a string to sign, which is signed
/// with HMAC-SHA256 keyed by the secret key.
/// </summary>
public static class AkSkSigner
{
    /// <summary>The algorithm name that starts the <c>Authorization</c> header.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The header carrying the signing time.</summary>
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>The <c>X-Sdk-Date</c> value of <paramref name="time"/>: UTC, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <c>Authorization</c> header value for a request.
    /// </summary>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The request URI as it goes on the wire.</param>
    /// <param name="headers">The headers to sign, with their values as sent; they must include <c>X-Sdk-Date</c>. Headers whose name contains <c>_</c> are not signed.</param>
    /// <param name="body">The exact body bytes that are sent (empty for no body).</param>
    public static string Authorization(string accessKey, string secretKey, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var signed = SignedHeaders(headers);
        var date = signed.FirstOrDefault(h => h.Key == "x-sdk-date").Value
            ?? throw new ArgumentException("The signed headers must include X-Sdk-Date.", nameof(headers));
        var canonical = CanonicalRequest(method, uri, signed, body);
        var stringToSign = $"{Algorithm}\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={string.Join(';', signed.Select(h => h.Key))}, Signature={signature}";
    }

    /// <summary>The canonical request of the algorithm, lines joined with <c>\n</c>.</summary>
    public static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var signed = SignedHeaders(headers);
        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in signed)
        {
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }

        return string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalPath(uri),
            CanonicalQuery(uri),
            canonicalHeaders.ToString(),
            string.Join(';', signed.Select(h => h.Key)),
            Hex(SHA256.HashData(body)));
    }

    /// <summary>Percent-encodes text as the algorithm does: UTF-8, everything but <c>A-Z a-z 0-9 - _ . ~</c> as upper-case <c>%XX</c>.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static List<KeyValuePair<string, string>> SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers
            .Where(h => !h.Key.Contains('_', StringComparison.Ordinal))
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value.Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string CanonicalPath(Uri uri)
    {
        var segments = uri.GetComponents(UriComponents.Path, UriFormat.UriEscaped).Split('/').Select(s => Encode(Uri.UnescapeDataString(s)));
        var path = "/" + string.Join('/', segments);
        return path.EndsWith('/') ? path : path + "/";
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
