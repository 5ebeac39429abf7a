using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// Checks an SDK-HMAC-SHA256 signature from the bytes a server received, written apart from the SDK's signer so that
/// a shared mistake cannot hide: it rebuilds the canonical request from the raw request target and headers.
/// </summary>
internal static partial class IndependentSignatureVerifier
{
    public static bool Verify(RecordedRequest request, string accessKey, string secretKey, out string reason)
    {
        var match = AuthorizationPattern().Match(request.Headers.GetValueOrDefault("Authorization") ?? string.Empty);
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
        var target = request.RawTarget.Split('?', 2);
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
        var headerLines = string.Concat(signedNames.Select(n => $"{n}:{request.Headers.GetValueOrDefault(n)?.Trim()}\n"));
        var canonical = $"{request.Method}\n{path}\n{query}\n{headerLines}\n{match.Groups["signed"].Value}\n{Hex(SHA256.HashData(request.Body))}";
        var date = request.Headers.GetValueOrDefault("X-Sdk-Date");
        var toSign = $"SDK-HMAC-SHA256\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var expected = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
        reason = expected == match.Groups["signature"].Value ? "ok" : $"signature mismatch over:\n{canonical}";
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
