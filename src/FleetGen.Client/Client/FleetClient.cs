using FleetGen.Client.Telemetry;
using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client;

/// <summary>
/// The UCS federation client: one method per operation of the contract (generated from it, see
/// <c>FleetClient.Operations.g.cs</c>), each validating its arguments before sending, authenticating with a token or
/// AK/SK, retrying what the operation allows, and raising <see cref="UcsApiException"/> for every service error.
/// Thread-safe; create one and keep it (or register it with <c>services.AddFleetClient(...)</c>).
/// </summary>
public partial class FleetClient : IDisposable
{
    private readonly HttpClient? ownedHttpClient;
    private readonly FleetTelemetry? ownedTelemetry;
    private readonly Lazy<UcsApiClient>? api;

    /// <summary>Creates a client that owns its HTTP pipeline; dispose it when done.</summary>
    public FleetClient(FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Checked();
        ownedTelemetry = new FleetTelemetry(settings.LoggerFactory, settings.MeterFactory);
        var transport = FleetHandlerPipeline.Transport(settings);
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(settings, ownedTelemetry), transport);
        ownedHttpClient = new HttpClient(pipeline, disposeHandler: settings.Transport is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Endpoint = settings.Endpoint;
        Time = settings.TimeProvider;
        LockDirectory = settings.LockDirectory;
        Engine = new FleetEngine(ownedHttpClient, settings.Endpoint, ownedTelemetry);
        api = new Lazy<UcsApiClient>(() => new UcsApiClient(Engine.Adapter));
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers are FleetGen's (as <c>AddFleetClient</c> builds it).</summary>
    internal FleetClient(HttpClient pipelineClient, FleetClientOptions checkedOptions, FleetTelemetry telemetry)
    {
        Endpoint = checkedOptions.Endpoint;
        Time = checkedOptions.TimeProvider;
        LockDirectory = checkedOptions.LockDirectory;
        Engine = new FleetEngine(pipelineClient, checkedOptions.Endpoint, telemetry);
        api = new Lazy<UcsApiClient>(() => new UcsApiClient(Engine.Adapter));
    }

    /// <summary>For mocking frameworks: a client without a pipeline, whose members must all be overridden.</summary>
    protected FleetClient()
    {
        Endpoint = UcsEndpoints.ChineseMainland;
        Time = TimeProvider.System;
        Engine = null!;
    }

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>
    /// The generated Kiota client, for the fluent path (<c>Api.V1.Clustergroups[id].Cert.PostAsync(...)</c>), on the
    /// same request adapter and pipeline: authentication, errors as <see cref="UcsApiException"/>, retries by HTTP
    /// method. The contract's validation, the answer checks of an operation and <c>x-fleetgen-idempotent</c> are the
    /// façade's alone.
    /// </summary>
    public virtual UcsApiClient Api => api?.Value!;

    /// <summary>The clock of waits between polls (<see cref="FleetClientOptions.TimeProvider"/>).</summary>
    internal TimeProvider Time { get; }

    /// <summary>The folder of the connection locks (<see cref="FleetClientOptions.LockDirectory"/>); <c>null</c> for the default.</summary>
    internal string? LockDirectory { get; }

    /// <summary>What the generated operation methods send with.</summary>
    internal FleetEngine Engine { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP pipeline when this client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ownedHttpClient?.Dispose();
            ownedTelemetry?.Dispose();
        }
    }
}
