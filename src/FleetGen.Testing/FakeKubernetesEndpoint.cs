using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetGen.Testing;

/// <summary>
/// A stand-in for the federation API server: HTTPS on 127.0.0.1 with a free port, requiring a client certificate
/// issued by the fake CA, answering <c>GET /version</c> (enough for <c>kubectl get --raw /version</c>).
/// </summary>
public sealed class FakeKubernetesEndpoint : IAsyncDisposable
{
    /// <summary>The <c>gitVersion</c> that <c>/version</c> reports.</summary>
    public const string GitVersion = "v1.32.0-fleetgen-fake";

    private readonly WebApplication app;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> clientSubjects = new();
    private int versionRequests;

    private FakeKubernetesEndpoint(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The endpoint's https URL, the <c>server</c> of the kubeconfigs.</summary>
    public Uri Url { get; }

    /// <summary>Requests that passed the client certificate check and reached <c>/version</c>.</summary>
    public int VersionRequests => Volatile.Read(ref versionRequests);

    /// <summary>The subject of the client certificate of each request that reached <c>/version</c>, in order (<c>CN=fleetgen-fake:&lt;fleet or cluster id&gt;:...</c> for certificates of <see cref="FakeUcsServer"/>).</summary>
    public IReadOnlyList<string> ClientSubjects => [.. clientSubjects];

    /// <summary>Starts an endpoint whose certificates come from <paramref name="authority"/>.</summary>
    public static async Task<FakeKubernetesEndpoint> StartAsync(FakeCertificateAuthority authority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var serverCertificate = authority.IssueServerCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, Server.InProcessLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) => authority.IsIssuerOf(certificate),
        })));
        var app = builder.Build();
        FakeKubernetesEndpoint? endpoint = null;
        app.MapGet("/version", (HttpContext context) =>
        {
            endpoint!.clientSubjects.Enqueue(context.Connection.ClientCertificate?.Subject ?? string.Empty);
            Interlocked.Increment(ref endpoint.versionRequests);
            return Results.Json(new { major = "1", minor = "32", gitVersion = GitVersion, platform = "linux/amd64" });
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        endpoint = new FakeKubernetesEndpoint(app, new Uri(LoopbackAddress.Of(app).Replace("http://", "https://", StringComparison.Ordinal)));
        return endpoint;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
