using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FleetGen.Testing.Server;

/// <summary>
/// Checks an SDK-HMAC-SHA256 signature from the bytes a server received, written apart from the client's signer
/// (<c>AkSkSigner</c>) so that one mistake cannot pass both sides: it rebuilds the canonical request from the raw
/// request target, the headers and the body as they arrived.
/// </summary>
internal static partial class SignatureVerifier
{
    public const string UnsignedPayloadHeader = "X-Sdk-Content-Sha256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The access key the Authorization header names, or <c>null</c> when it is not an SDK-HMAC-SHA256 header.</summary>
    public static string? AccessKeyOf(string? authorization) =>
        AuthorizationPattern().Match(authorization ?? string.Empty) is { Success: true } match ? match.Groups["ak"].Value : null;

    public static bool Verify(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body, string accessKey, string secretKey, out string reason)
    {
        var match = AuthorizationPattern().Match(headers.GetValueOrDefault("Authorization") ?? string.Empty);
        if (!match.Success)
        {
            reason = "no SDK-HMAC-SHA256 Authorization header";
            return false;
        }

        if (match.Groups["ak"].Value != accessKey)
        {
            reason = "another access key";
            return false;
        }

        var signedNames = match.Groups["signed"].Value.Split(';');
        var target = rawTarget.Split('?', 2);
        var path = string.Join('/', target[0].Split('/').Select(segment => Escape(Uri.UnescapeDataString(segment))));
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        var query = target.Length == 1 ? string.Empty : string.Join('&', target[1].Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (Escape(Uri.UnescapeDataString(p[0])), Escape(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)
            .Select(p => $"{p.Item1}={p.Item2}"));
        var headerLines = string.Concat(signedNames.Select(n => $"{n}:{headers.GetValueOrDefault(n)?.Trim()}\n"));
        // The official SDKs sign a non-JSON body (form, multipart) as the literal UNSIGNED-PAYLOAD, said in a header.
        var payload = headers.GetValueOrDefault(UnsignedPayloadHeader) == UnsignedPayload ? UnsignedPayload : Hex(SHA256.HashData(body));
        var canonical = $"{method}\n{path}\n{query}\n{headerLines}\n{match.Groups["signed"].Value}\n{payload}";
        var date = headers.GetValueOrDefault("X-Sdk-Date");
        var toSign = $"SDK-HMAC-SHA256\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var expected = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(toSign)));
        reason = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(match.Groups["signature"].Value)) ? "ok" : $"signature mismatch over:\n{canonical}";
        return reason == "ok";
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            builder.Append(char.IsAsciiLetterOrDigit(c) || "-_.~".Contains(c) ? c.ToString() : $"%{b:X2}");
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2")));

    [GeneratedRegex("^SDK-HMAC-SHA256 Access=(?<ak>[^,]+), SignedHeaders=(?<signed>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
