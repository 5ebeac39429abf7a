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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Port == endpoint.Port && uri.Scheme == endpoint.Scheme
            && string.Equals(uri.IdnHost, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            switch (credentials)
            {
                case TokenCredentials token:
                    request.Headers.Remove(CredentialHeaders.AuthToken);
                    request.Headers.TryAddWithoutValidation(CredentialHeaders.AuthToken, await token.GetTokenAsync(cancellationToken).ConfigureAwait(false));
                    break;
                case AkSkCredentials aksk:
                    await SignAsync(request, uri, aksk, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task SignAsync(HttpRequestMessage request, Uri uri, AkSkCredentials aksk, CancellationToken cancellationToken)
    {
        using var body = new BodyHashStream();
        if (request.Content is { } content)
        {
            await content.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        }

        Sign(request, uri, aksk, body);
    }

    private void Sign(HttpRequestMessage request, Uri uri, AkSkCredentials aksk, BodyHashStream body)
    {
        Span<byte> bodyHash = stackalloc byte[SHA256.HashSizeInBytes];
        body.HashTo(bodyHash);

        // The Host header that HttpClient sends for this URI (it is not set here, so what is signed is what is sent).
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        var date = AkSkSigner.FormatDate(time.GetUtcNow());
        var signed = new KeyValuePair<string, string>[2 + (aksk.DomainId is null ? 0 : 1) + (aksk.SecurityToken is null ? 0 : 1)];
        var count = 0;
        signed[count++] = new("host", host);
        if (aksk.DomainId is not null)
        {
            signed[count++] = new("x-domain-id", aksk.DomainId);
        }

        signed[count++] = new("x-sdk-date", date);
        if (aksk.SecurityToken is not null)
        {
            signed[count++] = new("x-security-token", aksk.SecurityToken);
        }

        var headers = request.Headers;
        headers.Remove("Host");
        headers.Remove(AkSkSigner.DateHeader);
        headers.Remove(CredentialHeaders.DomainId);
        headers.Remove(CredentialHeaders.SecurityToken);
        headers.Remove("Authorization");
        headers.Remove(CredentialHeaders.AuthToken);
        headers.TryAddWithoutValidation(AkSkSigner.DateHeader, date);
        if (aksk.DomainId is not null)
        {
            headers.TryAddWithoutValidation(CredentialHeaders.DomainId, aksk.DomainId);
        }

        if (aksk.SecurityToken is not null)
        {
            headers.TryAddWithoutValidation(CredentialHeaders.SecurityToken, aksk.SecurityToken);
        }

        var signer = aksk.RentSigner();
        try
        {
            headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(aksk.AccessKey, signer, request.Method.Method, uri, signed, bodyHash));
        }
        finally
        {
            aksk.ReturnSigner(signer);
        }
    }
}
