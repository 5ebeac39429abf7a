using System.Security.Cryptography;
using FleetGen.Client.Authentication;

namespace FleetGen.Client.Http;

/// <summary>
/// Adds the credentials as the last step before the wire, and only to requests for the configured endpoint's origin:
/// <c>X-Auth-Token</c> for a token; for AK/SK, <c>Host</c>, <c>X-Sdk-Date</c> (the time of this attempt),
/// <c>X-Domain-Id</c>, <c>X-Security-Token</c> and the signature over the exact body bytes.
/// </summary>
internal sealed class UcsAuthenticationHandler(FleetCredentials credentials, Uri endpoint, TimeProvider time) : DelegatingHandler
{
    /// <summary>Not an async method where nothing needs to wait: a token at hand is set and the request passes straight on.</summary>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Port != endpoint.Port || uri.Scheme != endpoint.Scheme
            || !string.Equals(uri.IdnHost, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return base.SendAsync(request, cancellationToken);
        }

        switch (credentials)
        {
            case TokenCredentials token:
                var pending = token.GetTokenAsync(cancellationToken);
                if (!pending.IsCompletedSuccessfully)
                {
                    return SendWithTokenAsync(request, pending, cancellationToken);
                }

                SetToken(request, pending.Result);
                return base.SendAsync(request, cancellationToken);
            case AkSkCredentials aksk:
                return SendSignedAsync(request, uri, aksk, cancellationToken);
            default:
                return base.SendAsync(request, cancellationToken);
        }
    }

    private static void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(CredentialHeaders.AuthToken);
        request.Headers.TryAddWithoutValidation(CredentialHeaders.AuthToken, token);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, ValueTask<string> pending, CancellationToken cancellationToken)
    {
        SetToken(request, await pending.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(HttpRequestMessage request, Uri uri, AkSkCredentials aksk, CancellationToken cancellationToken)
    {
        // Bodies are kilobytes: buffered (so every attempt sends the same bytes) and hashed whole.
        var body = request.Content is { } content ? await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : [];
        Sign(request, uri, aksk, SHA256.HashData(body));

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Sign(HttpRequestMessage request, Uri uri, AkSkCredentials aksk, byte[] bodyHash)
    {
        // The Host header that HttpClient sends for this URI (it is not set here, so what is signed is what is sent).
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        var date = AkSkSigner.FormatDate(time.GetUtcNow());
        var headers = request.Headers;
        headers.Remove("Host");
        headers.Remove("Authorization");
        headers.Remove(CredentialHeaders.AuthToken);
        var signed = new List<KeyValuePair<string, string>> { new("Host", host) };
        Set(AkSkSigner.DateHeader, date);
        Set(CredentialHeaders.DomainId, aksk.DomainId);
        Set(CredentialHeaders.SecurityToken, aksk.SecurityToken);
        headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(aksk.AccessKey, aksk.SecretKey, request.Method.Method, uri, AkSkSigner.SignedHeaders(signed), bodyHash));

        void Set(string name, string? value)
        {
            headers.Remove(name);
            if (value is not null)
            {
                headers.TryAddWithoutValidation(name, value);
                signed.Add(new(name, value));
            }
        }
    }
}
