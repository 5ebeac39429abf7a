using System.Security.Cryptography;
using FleetGen.Client.Authentication;
using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Http;

/// <summary>
/// Adds the credentials as the last step before the wire, and only to requests for the configured endpoint's origin:
/// <c>X-Auth-Token</c> for a token; for AK/SK, <c>Host</c>, <c>X-Sdk-Date</c> (the time of this attempt),
/// <c>X-Domain-Id</c>, <c>X-Security-Token</c> and the signature over the exact body bytes. A
/// <see cref="DefaultCredentialChain"/> is asked for its current credentials before every attempt.
/// </summary>
internal sealed class UcsAuthenticationHandler(FleetCredentials credentials, Uri endpoint, TimeProvider time, ILogger logger) : DelegatingHandler
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

        return SendWithAsync(request, credentials, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, FleetCredentials current, CancellationToken cancellationToken)
    {
        switch (current)
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
                return SendSignedAsync(request, aksk, cancellationToken);
            case DefaultCredentialChain chain:
                return SendFromChainAsync(request, chain, cancellationToken);
            default:
                return base.SendAsync(request, cancellationToken);
        }
    }

    private static void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(CredentialHeaders.AuthToken);
        request.Headers.TryAddWithoutValidation(CredentialHeaders.AuthToken, token);
    }

    private async Task<HttpResponseMessage> SendFromChainAsync(HttpRequestMessage request, DefaultCredentialChain chain, CancellationToken cancellationToken)
    {
        var current = await chain.CurrentAsync(logger, cancellationToken).ConfigureAwait(false);
        return await SendWithAsync(request, current, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, ValueTask<string> pending, CancellationToken cancellationToken)
    {
        SetToken(request, await pending.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(HttpRequestMessage request, AkSkCredentials aksk, CancellationToken cancellationToken)
    {
        // Bodies are kilobytes: buffered (so every attempt sends the same bytes) and hashed whole.
        var body = request.Content is { } content ? await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : [];
        AkSkRequestSigning.Sign(request, aksk, time.GetUtcNow(), SHA256.HashData(body));

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
