using FleetGen.Client.Telemetry;

namespace FleetGen.Client.Runtime;

/// <summary>
/// The base of a client generated from a contract (<see cref="FleetClient"/> for UCS): from
/// <see cref="FleetClientOptions"/> it builds FleetGen's handler pipeline (authentication, call timeout, errors as
/// <see cref="UcsApiException"/>, retries by the operation's policy, safe redirects), its telemetry and the
/// <see cref="Engine"/> the generated operation groups send with. Thread-safe; create one and keep it.
/// </summary>
public abstract class FleetClientBase : IDisposable
{
    private readonly HttpClient? ownedHttpClient;
    private readonly FleetTelemetry? ownedTelemetry;

    /// <summary>Creates a client that owns its HTTP pipeline; dispose it when done.</summary>
    /// <param name="options">The endpoint, credentials and limits; checked here.</param>
    /// <exception cref="FleetClientOptionsException">An option is not usable.</exception>
    protected FleetClientBase(FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Settings = options.Checked();
        ownedTelemetry = new FleetTelemetry(Settings.LoggerFactory, Settings.MeterFactory);
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(Settings, ownedTelemetry), FleetHandlerPipeline.Transport(Settings));
        ownedHttpClient = new HttpClient(pipeline, disposeHandler: Settings.Transport is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Endpoint = Settings.Endpoint;
        Engine = new FleetEngine(ownedHttpClient, Settings.Endpoint, ownedTelemetry, Settings.TimeProvider);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers are FleetGen's (as <c>AddFleetClient</c> builds it).</summary>
    private protected FleetClientBase(HttpClient pipelineClient, FleetClientOptions checkedOptions, FleetTelemetry telemetry)
    {
        Settings = checkedOptions;
        Endpoint = checkedOptions.Endpoint;
        Engine = new FleetEngine(pipelineClient, checkedOptions.Endpoint, telemetry, checkedOptions.TimeProvider);
    }

    /// <summary>For mocking frameworks: a client without a pipeline, whose members must all be overridden.</summary>
    protected FleetClientBase()
    {
        Settings = new FleetClientOptions { TimeProvider = TimeProvider.System };
        Endpoint = Settings.Endpoint;
        Engine = null!;
    }

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>What the generated operation groups validate and send with; <c>null</c> in a client made for mocking.</summary>
    protected FleetEngine Engine { get; }

    /// <summary>The options as checked when the client was created.</summary>
    private protected FleetClientOptions Settings { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP pipeline when this client created it.</summary>
    /// <param name="disposing">Called from <see cref="Dispose()"/> rather than a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ownedHttpClient?.Dispose();
            ownedTelemetry?.Dispose();
        }
    }
}
