using System.Net;

namespace FleetGen.Client.Http;

/// <summary>
/// Follows redirects without carrying credentials: the next request is built afresh with every credential header
/// left out, so only the authentication handler, which signs for the configured origin alone, can add them back.
/// A 303 (and a 301/302 answer to a POST) continues as a GET without body, as browsers and HttpClient do.
/// </summary>
internal sealed class CredentialSafeRedirectHandler(int maxRedirects) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Where(h => !CredentialHeaders.Contains(h.Key) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).ToList();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentHeaders = request.Content?.Headers.ToList() ?? [];
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        for (var redirects = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location && redirects < maxRedirects; redirects++)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            var keepsBody = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
            var method = keepsBody || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? request.Method : HttpMethod.Get;
            response.Dispose();

            request = new HttpRequestMessage(method, target) { Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var (name, values) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }

            if (keepsBody && body is not null)
            {
                request.Content = new ByteArrayContent(body);
                foreach (var (name, values) in contentHeaders)
                {
                    request.Content.Headers.TryAddWithoutValidation(name, values);
                }
            }

            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
