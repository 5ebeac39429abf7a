using FleetGen.Client;

namespace FleetGen.Synthetic;

/// <summary>The client of the synthetic contract: its operations are generated (SyntheticClient.Operations.g.cs), this part gives them the engine.</summary>
public partial class SyntheticClient : IDisposable
{
    private readonly HttpClient httpClient;

    public SyntheticClient(FleetClientOptions options)
    {
        var settings = options.Checked();
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(settings), FleetHandlerPipeline.Transport(settings));
        httpClient = new HttpClient(pipeline) { Timeout = Timeout.InfiniteTimeSpan };
        Engine = new FleetEngine(httpClient, settings.Endpoint);
    }

    internal FleetEngine Engine { get; }

    public void Dispose() => httpClient.Dispose();
}
