using FleetGen.Client;

namespace FleetGen.PublicContract;

/// <summary>The client of the public Box contract: its operations are generated (BoxClient.Operations.g.cs), this part gives them the engine.</summary>
public partial class BoxClient : IDisposable
{
    private readonly HttpClient httpClient;
    private readonly FleetGen.Client.Telemetry.FleetTelemetry telemetry;

    public BoxClient(FleetClientOptions options)
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
    }
}
