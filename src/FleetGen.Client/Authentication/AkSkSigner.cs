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
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>Authorization</c> header value for a request.</summary>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The request URI as it goes on the wire.</param>
    /// <param name="headers">The headers to sign, with their values as sent; they must include <c>X-Sdk-Date</c>. Headers whose name contains <c>_</c> are not signed.</param>
    /// <param name="body">The exact body bytes that are sent (empty for no body).</param>
    public static string Authorization(string accessKey, string secretKey, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        return Authorization(accessKey, Encoding.UTF8.GetBytes(secretKey), method, uri, SignedHeaders(headers), SHA256.HashData(body));
    }

    /// <summary>The canonical request of the algorithm, lines joined with <c>\n</c>.</summary>
    public static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body) =>
        CanonicalRequest(method, uri, SignedHeaders(headers), SHA256.HashData(body));

    /// <summary>Percent-encodes text as the algorithm does: UTF-8, everything but <c>A-Z a-z 0-9 - _ . ~</c> as upper-case <c>%XX</c>.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Uri.EscapeDataString(text);
    }

    /// <summary>The signature over headers already lower-cased, trimmed and sorted by name (<see cref="SignedHeaders"/>) and a body hash.</summary>
    internal static string Authorization(string accessKey, byte[] secretKey, string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, byte[] bodyHash)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        var date = signedHeaders.FirstOrDefault(h => h.Key == "x-sdk-date").Value
            ?? throw new ArgumentException("The signed headers must include X-Sdk-Date.", nameof(signedHeaders));
        var canonicalRequest = CanonicalRequest(method, uri, signedHeaders, bodyHash);
        var stringToSign = $"{Algorithm}\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var signature = HMACSHA256.HashData(secretKey, Encoding.UTF8.GetBytes(stringToSign));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={SignedHeaderNames(signedHeaders)}, Signature={Hex(signature)}";
    }

    /// <summary>The headers that are signed: names lower-cased, values trimmed, sorted by name; names with <c>_</c> left out.</summary>
    internal static List<KeyValuePair<string, string>> SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers
            .Where(h => !h.Key.Contains('_', StringComparison.Ordinal))
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value.Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string CanonicalRequest(string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, byte[] bodyHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var canonical = new StringBuilder(512)
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(uri.AbsolutePath)).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        return canonical.Append('\n')
            .Append(SignedHeaderNames(signedHeaders)).Append('\n')
            .Append(Hex(bodyHash))
            .ToString();
    }

    /// <summary>Each segment of the (escaped) path decoded and encoded again by the algorithm's rule, always ending in '/'.</summary>
    private static string CanonicalPath(string escapedPath)
    {
        var path = string.Join('/', escapedPath.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>Parameters decoded and encoded again, sorted by name then value, joined with <c>&amp;</c>.</summary>
    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    private static string SignedHeaderNames(IEnumerable<KeyValuePair<string, string>> signedHeaders) =>
        string.Join(';', signedHeaders.Select(h => h.Key));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
