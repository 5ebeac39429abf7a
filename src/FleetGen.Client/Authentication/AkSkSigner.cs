using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
    public static string FormatDate(DateTimeOffset time) => string.Create(16, time.UtcDateTime, static (chars, utc) =>
    {
        Digits(chars[..4], utc.Year);
        Digits(chars[4..6], utc.Month);
        Digits(chars[6..8], utc.Day);
        chars[8] = 'T';
        Digits(chars[9..11], utc.Hour);
        Digits(chars[11..13], utc.Minute);
        Digits(chars[13..15], utc.Second);
        chars[15] = 'Z';
    });

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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
        Span<byte> bodyHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, bodyHash);
        using var signer = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secretKey));
        return Authorization(accessKey, signer, method, uri, CollectionsMarshal.AsSpan(SignedHeaders(headers)), bodyHash);
    }

    /// <summary>The canonical request of the algorithm, lines joined with <c>\n</c>.</summary>
    public static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        Span<byte> bodyHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, bodyHash);
        var canonical = new Utf8Builder(stackalloc byte[512]);
        try
        {
            WriteCanonicalRequest(ref canonical, method, uri, CollectionsMarshal.AsSpan(SignedHeaders(headers)), bodyHash);
            return Encoding.UTF8.GetString(canonical.Written);
        }
        finally
        {
            canonical.Dispose();
        }
    }

    /// <summary>Percent-encodes text as the algorithm does: UTF-8, everything but <c>A-Z a-z 0-9 - _ . ~</c> as upper-case <c>%XX</c>.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new Utf8Builder(stackalloc byte[256]);
        try
        {
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                encoded.AppendEncoded(b);
            }

            return Encoding.ASCII.GetString(encoded.Written);
        }
        finally
        {
            encoded.Dispose();
        }
    }

    /// <summary>
    /// The signature over headers already lower-cased, trimmed and sorted by name, and a body hash: what the
    /// authentication handler calls for every attempt, without the normalising of the public overload.
    /// </summary>
    internal static string Authorization(string accessKey, IncrementalHash keyedSigner, string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> bodyHash)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        string? date = null;
        foreach (var (name, value) in signedHeaders)
        {
            if (name == "x-sdk-date")
            {
                date = value;
            }
        }

        if (date is null)
        {
            throw new ArgumentException("The signed headers must include X-Sdk-Date.", nameof(signedHeaders));
        }

        Span<byte> canonicalHash = stackalloc byte[SHA256.HashSizeInBytes];
        var canonical = new Utf8Builder(stackalloc byte[512]);
        try
        {
            WriteCanonicalRequest(ref canonical, method, uri, signedHeaders, bodyHash);
            SHA256.HashData(canonical.Written, canonicalHash);
        }
        finally
        {
            canonical.Dispose();
        }

        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var stringToSign = new Utf8Builder(stackalloc byte[128]);
        try
        {
            stringToSign.Append(Algorithm);
            stringToSign.Append('\n');
            stringToSign.Append(date);
            stringToSign.Append('\n');
            stringToSign.AppendHex(canonicalHash);
            keyedSigner.AppendData(stringToSign.Written);
            keyedSigner.GetHashAndReset(signature);
        }
        finally
        {
            stringToSign.Dispose();
        }

        var namesLength = signedHeaders.Length - 1;
        foreach (var (name, _) in signedHeaders)
        {
            namesLength += name.Length;
        }

        const string access = " Access=", names = ", SignedHeaders=", signatureLabel = ", Signature=";
        var length = Algorithm.Length + access.Length + accessKey.Length + names.Length + namesLength + signatureLabel.Length + (2 * signature.Length);
        var header = length <= 512 ? stackalloc char[length] : new char[length];
        var at = 0;
        Put(header, ref at, Algorithm);
        Put(header, ref at, access);
        Put(header, ref at, accessKey);
        Put(header, ref at, names);
        for (var i = 0; i < signedHeaders.Length; i++)
        {
            if (i > 0)
            {
                header[at++] = ';';
            }

            Put(header, ref at, signedHeaders[i].Key);
        }

        Put(header, ref at, signatureLabel);
        foreach (var b in signature)
        {
            header[at++] = HexDigits[b >> 4];
            header[at++] = HexDigits[b & 0xF];
        }

        return new string(header);
    }

    private static void Put(Span<char> target, ref int position, string text)
    {
        text.CopyTo(target[position..]);
        position += text.Length;
    }

    private const string HexDigits = "0123456789abcdef";

    private static void WriteCanonicalRequest(ref Utf8Builder canonical, string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> bodyHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        canonical.AppendUpper(method);
        canonical.Append('\n');
        WriteCanonicalPath(ref canonical, uri.AbsolutePath);
        canonical.Append('\n');
        WriteCanonicalQuery(ref canonical, uri.Query);
        canonical.Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            canonical.Append(name);
            canonical.Append(':');
            canonical.Append(value);
            canonical.Append('\n');
        }

        canonical.Append('\n');
        for (var i = 0; i < signedHeaders.Length; i++)
        {
            if (i > 0)
            {
                canonical.Append(';');
            }

            canonical.Append(signedHeaders[i].Key);
        }

        canonical.Append('\n');
        canonical.AppendHex(bodyHash);
    }

    /// <summary>Each segment of the (escaped) path decoded and encoded again by the algorithm's rule, always ending in '/'.</summary>
    private static void WriteCanonicalPath(ref Utf8Builder canonical, string escapedPath)
    {
        var path = escapedPath.AsSpan();
        if (path.Length == 0 || path[0] != '/')
        {
            canonical.Append('/');
        }

        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '/')
            {
                canonical.Append('/');
            }
            else
            {
                canonical.AppendEncoded(DecodedByte(path, ref i));
            }
        }

        if (canonical.Written[^1] != (byte)'/')
        {
            canonical.Append('/');
        }
    }

    private static void WriteCanonicalQuery(ref Utf8Builder canonical, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        var first = true;
        foreach (var (name, value) in pairs)
        {
            canonical.Append(first ? string.Empty : "&");
            canonical.Append(name);
            canonical.Append('=');
            canonical.Append(value);
            first = false;
        }
    }

    private static byte DecodedByte(ReadOnlySpan<char> text, ref int index)
    {
        if (text[index] == '%' && index + 2 < text.Length
            && byte.TryParse(text.Slice(index + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var decoded))
        {
            index += 2;
            return decoded;
        }

        return (byte)text[index];
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

    /// <summary>Bytes built on the stack, moving to a pooled array when they outgrow it.</summary>
    private ref struct Utf8Builder(Span<byte> initial)
    {
        private Span<byte> buffer = initial;
        private byte[]? rented;
        private int length;

        public readonly ReadOnlySpan<byte> Written => buffer[..length];

        public void Append(char ascii)
        {
            Ensure(1);
            buffer[length++] = (byte)ascii;
        }

        public void Append(string text)
        {
            Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
            length += Encoding.UTF8.GetBytes(text, buffer[length..]);
        }

        public void AppendUpper(string ascii)
        {
            Ensure(ascii.Length);
            foreach (var c in ascii)
            {
                buffer[length++] = (byte)char.ToUpperInvariant(c);
            }
        }

        public void AppendHex(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length * 2);
            foreach (var b in bytes)
            {
                buffer[length++] = (byte)HexDigits[b >> 4];
                buffer[length++] = (byte)HexDigits[b & 0xF];
            }
        }

        public void AppendEncoded(byte b)
        {
            Ensure(3);
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                buffer[length++] = b;
                return;
            }

            buffer[length++] = (byte)'%';
            buffer[length++] = (byte)"0123456789ABCDEF"[b >> 4];
            buffer[length++] = (byte)"0123456789ABCDEF"[b & 0xF];
        }

        public readonly void Dispose()
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private void Ensure(int more)
        {
            if (length + more <= buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
            buffer[..length].CopyTo(larger);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            rented = larger;
            buffer = larger;
        }
    }
}
