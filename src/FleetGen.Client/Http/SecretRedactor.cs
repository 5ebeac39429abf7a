namespace FleetGen.Client.Http;

/// <summary>
/// Removes the credentials a request carried (token, access key, security token) from text that came back, so a
/// server that echoes them cannot put them into an exception message, a log or a terminal.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Replacement = "[redacted]";

    private static readonly string[] SecretHeaders = [CredentialHeaders.AuthToken, CredentialHeaders.SecurityToken];

    private readonly List<string> secrets = [];

    private SecretRedactor()
    {
    }

    /// <summary>The secrets in the credential headers of the given requests (the one sent, and the one answered after redirects).</summary>
    public static SecretRedactor For(params HttpRequestMessage?[] requests)
    {
        var redactor = new SecretRedactor();
        foreach (var request in requests)
        {
            if (request is null)
            {
                continue;
            }

            foreach (var name in SecretHeaders)
            {
                if (request.Headers.TryGetValues(name, out var values))
                {
                    redactor.secrets.AddRange(values);
                }
            }

            if (request.Headers.TryGetValues("Authorization", out var authorizations))
            {
                redactor.secrets.AddRange(authorizations.Select(AccessKeyOf).OfType<string>());
            }
        }

        redactor.secrets.RemoveAll(s => s.Length < 4);
        redactor.secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        return redactor;
    }

    public string? Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The access key of an SDK-HMAC-SHA256 Authorization value (<c>... Access=AK, SignedHeaders=..., Signature=...</c>).</summary>
    private static string? AccessKeyOf(string authorization)
    {
        const string marker = "Access=";
        var start = authorization.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = authorization.IndexOf(',', start);
        return (end < 0 ? authorization[start..] : authorization[start..end]).Trim();
    }
}
