using System.Net;

namespace FleetGen.Client.Http;

/// <summary>
/// Follows redirects without carrying credentials: the next request is built afresh with every credential header
/// left out, so only the authentication handler, which signs for the configured origin alone, can add them back.
/// A 303 (and a 301/302 answer to a POST) continues as a GET without body, as browsers and HttpClient do.
/// A redirect from https to http, or to any scheme but http and https, is refused: it would send the request, and
/// accept the answer, without the protection the caller chose.
/// </summary>
internal sealed class CredentialSafeRedirectHandler(int maxRedirects) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var redirects = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location && redirects < maxRedirects; redirects++)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            if (Refusal(request.RequestUri!, target) is { } refusal)
            {
                using (response)
                {
                    throw UcsApiException.UnusableAnswer((int)response.StatusCode, refusal, UcsResponseHeaders.RequestId(response));
                }
            }

            var next = await NextAsync(request, response, target, cancellationToken).ConfigureAwait(false);
            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (IsRedirect(response.StatusCode) && response.Headers.Location is not null)
        {
            using (response)
            {
                throw UcsApiException.UnusableAnswer(
                    (int)response.StatusCode,
                    maxRedirects == 0
                        ? "it redirects, and redirects are not followed (FleetClientOptions.MaxRedirects is 0)"
                        : $"it redirected again after {maxRedirects} redirects: more than {maxRedirects} redirects are not followed (FleetClientOptions.MaxRedirects)",
                    UcsResponseHeaders.RequestId(response));
            }
        }

        return response;
    }

    private static string? Refusal(Uri from, Uri to) => (from.Scheme, to.Scheme) switch
    {
        ("https", "http") => $"it redirects from https to {to.GetLeftPart(UriPartial.Authority)}, which is plain http; the redirect was refused",
        (_, "http" or "https") => null,
        (_, var scheme) => $"it redirects to a {scheme}: URL; only http and https redirects are followed, so it was refused",
    };

    private static async Task<HttpRequestMessage> NextAsync(HttpRequestMessage previous, HttpResponseMessage response, Uri location, CancellationToken cancellationToken)
    {
        var keepsBody = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
        var method = keepsBody || previous.Method == HttpMethod.Get || previous.Method == HttpMethod.Head ? previous.Method : HttpMethod.Get;
        var next = new HttpRequestMessage(method, location)
        {
            Version = previous.Version,
            VersionPolicy = previous.VersionPolicy,
        };
        foreach (var (name, values) in previous.Headers)
        {
            if (!CredentialHeaders.Contains(name) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var option in previous.Options)
        {
            next.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (keepsBody && previous.Content is { } content)
        {
            next.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            foreach (var (name, values) in content.Headers)
            {
                next.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
