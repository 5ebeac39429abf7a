using FleetGen.Client;

namespace FleetGen.Tests.Contracts;

/// <summary>
/// What the client of a test contract (synthetic, public) hand-writes: the engine its generated operations run on,
/// over FleetGen's handler pipeline, and its disposal.
/// </summary>
public abstract class ContractClientBase : IDisposable
{
    private readonly HttpClient httpClient;
    private readonly FleetGen.Client.Telemetry.FleetTelemetry telemetry;

    protected ContractClientBase(FleetClientOptions options)
    {
        var settings = options.Checked();
        telemetry = new FleetGen.Client.Telemetry.FleetTelemetry(settings.LoggerFactory, settings.MeterFactory);
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(settings, telemetry), FleetHandlerPipeline.Transport(settings));
        httpClient = new HttpClient(pipeline) { Timeout = Timeout.InfiniteTimeSpan };
        Engine = new FleetEngine(httpClient, settings.Endpoint, telemetry);
    }

    internal FleetEngine Engine { get; }

    public void Dispose()
    {
        httpClient.Dispose();
        telemetry.Dispose();
        GC.SuppressFinalize(this);
    }
}
