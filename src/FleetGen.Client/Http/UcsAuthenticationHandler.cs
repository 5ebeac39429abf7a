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
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var signed = new List<KeyValuePair<string, string>>(4)
        {
            new("Host", uri.Authority),
            new(AkSkSigner.DateHeader, AkSkSigner.FormatDate(time.GetUtcNow())),
        };
        if (aksk.DomainId is not null)
        {
            signed.Add(new(CredentialHeaders.DomainId, aksk.DomainId));
        }

        if (aksk.SecurityToken is not null)
        {
            signed.Add(new(CredentialHeaders.SecurityToken, aksk.SecurityToken));
        }

        foreach (var name in CredentialHeaders.All)
        {
            request.Headers.Remove(name);
        }

        request.Headers.Host = uri.Authority;
        foreach (var (name, value) in signed.Skip(1))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization",
            AkSkSigner.Authorization(aksk.AccessKey, aksk.SecretKey, request.Method.Method, uri, signed, body));
    }
}
