using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A Kubernetes-like HTTPS endpoint on 127.0.0.1 that requires a client certificate issued by the test CA and
/// answers <c>GET /version</c>, enough for <c>kubectl get --raw /version</c>.
/// </summary>
internal sealed class MutualTlsEndpoint : IAsyncDisposable
{
    public const string GitVersion = "v1.32.0-fleetgen-test";
    private readonly WebApplication app;

    private MutualTlsEndpoint(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    private int versionRequests;

    /// <summary>How many requests passed the client certificate check and reached the handler.</summary>
    public int VersionRequests => Volatile.Read(ref versionRequests);

    public static async Task<MutualTlsEndpoint> StartAsync(TestCertificates pki)
    {
        var serverCertificate = pki.IssueServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) => pki.Issued(certificate),
        })));
        var app = builder.Build();
        MutualTlsEndpoint? endpoint = null;
        app.MapGet("/version", (HttpContext context) =>
        {
            Interlocked.Increment(ref endpoint!.versionRequests);
            return Results.Json(new { major = "1", minor = "32", gitVersion = GitVersion, platform = "linux/amd64" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint = new MutualTlsEndpoint(app, address.Replace("http://", "https://", StringComparison.Ordinal));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
