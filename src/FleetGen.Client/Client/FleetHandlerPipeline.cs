using System.Net;
using FleetGen.Client.Http;
using FleetGen.Client.Telemetry;

namespace FleetGen.Client;

/// <summary>
/// The handlers every FleetGen request passes, outermost first: user agent (Kiota's), call deadline and bounded body,
/// error translation, retries and attempt timeouts, redirects, then authentication as the last step before the
/// transport.
/// </summary>
internal static class FleetHandlerPipeline
{
    public static DelegatingHandler[] Handlers(FleetClientOptions options, FleetTelemetry telemetry) =>
    [
        FleetUserAgent.Handler(),
        new CallBoundsHandler(options.Timeout, options.MaxResponseBodySize, options.TimeProvider),
        new UcsErrorHandler(options.TimeProvider),
        new UcsRetryHandler(options.Retry, options.TimeProvider, telemetry),
        new CredentialSafeRedirectHandler(options.MaxRedirects),
        new UcsAuthenticationHandler(options.Credentials!, options.Endpoint, options.TimeProvider, telemetry.Logger),
    ];

    public static HttpMessageHandler Transport(FleetClientOptions options)
    {
        switch (options.Transport)
        {
            case null:
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                return sockets;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                return client;
            default:
                return options.Transport;
        }
    }

    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        HttpMessageHandler inner = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}
