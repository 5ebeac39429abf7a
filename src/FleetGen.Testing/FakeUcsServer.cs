using System.Net;
using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Testing.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetGen.Testing;

/// <summary>
/// An in-process fake of the UCS API on 127.0.0.1 (a free port, or <see cref="FakeUcsServerOptions.Port"/>), built on the controller base and models
/// generated from FleetGen's contract. It authenticates tokens and AK/SK signatures, validates bodies, knows fleets,
/// clusters and their federated workloads (seeded with <see cref="AddFleet(string, string, bool)"/> and <see cref="AddCluster"/>, read with
/// <see cref="Fleets"/> and <see cref="Clusters"/>), returns kubeconfigs that work against its <see cref="Kubernetes"/> endpoint, records every request and plays
/// queued faults. Dispose it to stop it.
/// </summary>
public sealed partial class FakeUcsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeUcsState state;

    private readonly Lazy<string> lockDirectory = new(() => Directory.CreateTempSubdirectory("fleetgen-fake-locks-").FullName);

    private FakeUcsServer(WebApplication app, FakeUcsState state, Uri baseUrl, FakeKubernetesEndpoint kubernetes)
    {
        this.app = app;
        this.state = state;
        BaseUrl = baseUrl;
        Kubernetes = kubernetes;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234</c>: the client's endpoint.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The federation API server stand-in that the returned kubeconfigs point at.</summary>
    public FakeKubernetesEndpoint Kubernetes { get; }

    /// <summary>The CA of the returned kubeconfigs and of <see cref="Kubernetes"/>.</summary>
    public FakeCertificateAuthority CertificateAuthority => state.Authority;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<FakeUcsRequest> Requests => state.Requests;

    /// <summary>Completes as soon as the server has received at least <paramref name="count"/> requests (no polling).</summary>
    public Task WhenRequestsReceivedAsync(int count, CancellationToken cancellationToken = default) => state.WhenRequestsAsync(count, cancellationToken);

    /// <summary>The admin API's base URL (<c>http://127.0.0.1:41234/_fake</c>) when <see cref="FakeUcsServerOptions.AdminApi"/> is set, else null.</summary>
    public Uri? AdminUrl => state.Options.AdminApi ? new Uri(BaseUrl, FakeAdminApi.PathPrefix) : null;

    /// <summary>Starts a fake server (and its Kubernetes endpoint).</summary>
    /// <exception cref="IOException">The port of <see cref="FakeUcsServerOptions.Port"/> is in use.</exception>
    public static async Task<FakeUcsServer> StartAsync(FakeUcsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeUcsServerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));

        // Jobs move one step per duration: a step of no time would be a job that never advances (or a division by zero).
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FederationStepDuration, TimeSpan.Zero, nameof(options.FederationStepDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PlatformStepDuration, TimeSpan.Zero, nameof(options.PlatformStepDuration));
        var authority = new FakeCertificateAuthority(time: options.TimeProvider);
        var state = new FakeUcsState(options, authority);
        FakeKubernetesEndpoint? kubernetes = null;
        WebApplication? app = null;
        try
        {
            kubernetes = await FakeKubernetesEndpoint.StartAsync(authority, cancellationToken).ConfigureAwait(false);
            state.KubernetesUrl = kubernetes.Url;
            app = Build(options, state);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new FakeUcsServer(app, state, new Uri(LoopbackAddress.Of(app)), kubernetes);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            if (kubernetes is not null)
            {
                await kubernetes.DisposeAsync().ConfigureAwait(false);
            }

            authority.Dispose();
            throw;
        }
    }

    private static WebApplication Build(FakeUcsServerOptions options, FakeUcsState state)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, Server.InProcessLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);

            // UCS documents no limit; the contract's bodies are under 1 KB, so 1 MiB refuses nothing a UCS call sends.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.AddSingleton(state);
        builder.Services.AddFakeUcsControllers();

        var app = builder.Build();
        if (options.AdminApi)
        {
            app.MapWhen(FakeAdminApi.Matches, admin => admin.Run(new FakeAdminApi(state).InvokeAsync));
        }

        app.UseMiddleware<ErrorAnswerMiddleware>();
        app.UseMiddleware<RequestRecordingMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseMiddleware<FormBodyMiddleware>();
        app.MapControllers();
        return app;
    }

    /// <summary>Adds a fleet (or replaces it): with federation enabled (Available, no connection yet), or known but not federated (400 UCS.01080006 until it is enabled). Its name is its id.</summary>
    public void AddFleet(string fleetId, bool federationEnabled = true) => AddFleet(fleetId, fleetId, federationEnabled);

    /// <summary>
    /// Adds a fleet named <paramref name="name"/> (or replaces the fleet with that id; its clusters stay in it), with
    /// federation enabled or not as <see cref="AddFleet(string, bool)"/>. Names need not be unique here, unlike in
    /// RegisterClusterGroup, so that a test can make an ambiguous name.
    /// </summary>
    public void AddFleet(string fleetId, string name, bool federationEnabled = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        state.SetFleet(fleetId, federationEnabled, name);
    }

    /// <summary>
    /// Adds a registered cluster (or replaces the one with that id), named <paramref name="name"/> (its id when null),
    /// in the fleet <paramref name="fleetId"/> when given, of <paramref name="category"/> and <paramref name="type"/>
    /// (a CCE cluster by default; <c>attachedcluster</c> for an attached one): Available, or Initializing until
    /// RetryClusterActivation when <paramref name="activated"/> is false.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fleetId"/> names no fleet of the server.</exception>
    public FakeClusterSummary AddCluster(string clusterId, string? name = null, string? fleetId = null, string category = "self", string type = "cce", bool activated = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return state.SetCluster(clusterId, name ?? clusterId, fleetId, category, type, activated);
    }

    /// <summary>The server's fleets as they stand now, by id.</summary>
    public IReadOnlyList<FakeFleetSummary> Fleets => state.FleetSummaries();

    /// <summary>The server's registered clusters as they stand now, by id.</summary>
    public IReadOnlyList<FakeClusterSummary> Clusters => state.ClusterSummaries();

    /// <summary>The next federation job fails when it reaches <paramref name="subJobType"/> (a sub-job of CreateFederation, or the job type itself), with <paramref name="reason"/>.</summary>
    public void FailNextJob(string subJobType, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subJobType);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        state.EnqueueJobScript(new FakeJobScript(subJobType, reason, Stalls: false));
    }

    /// <summary>The next federation job never ends: its last step stays running.</summary>
    public void StallNextJob() => state.EnqueueJobScript(new FakeJobScript(null, null, Stalls: true));

    /// <summary>
    /// The validity of the client certificates the server issues from now on, instead of the <c>duration</c> days a
    /// request asks for (say 30 minutes, to make a certificate that is due for renewal); <c>null</c> goes back to the days asked for.
    /// </summary>
    public TimeSpan? ClientCertificateValidity
    {
        get => state.ClientCertificateValidity;
        set => state.ClientCertificateValidity = value;
    }

    /// <summary>Queues a fault for the next request that has none yet.</summary>
    public void EnqueueFault(FakeUcsFault fault) => state.EnqueueFault(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>
    /// Options for a <see cref="FleetClient"/> that talks to this server: its URL (http on loopback allowed), unless
    /// given the default token, and a lock folder of this server's (deleted with it), so that connection creates
    /// against the fake leave nothing in the user's <c>~/.kube/cache</c>.
    /// </summary>
    public FleetClientOptions ClientOptions(FleetCredentials? credentials = null) => new()
    {
        Endpoint = BaseUrl,
        AllowHttp = true,
        Credentials = credentials ?? new TokenCredentials(FakeUcsServerOptions.DefaultToken),
        LockDirectory = lockDirectory.Value,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        await Kubernetes.DisposeAsync().ConfigureAwait(false);
        state.Authority.Dispose();
        if (lockDirectory.IsValueCreated)
        {
            Directory.Delete(lockDirectory.Value, recursive: true);
        }
    }
}
