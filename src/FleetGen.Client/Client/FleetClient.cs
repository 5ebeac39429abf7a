using FleetGen.Client.Runtime;
using FleetGen.Client.Telemetry;

namespace FleetGen.Client;

/// <summary>
/// The UCS federation client. The contract's operations are grouped as its tags (generated from it): fleets on
/// <c>Fleet</c>, federation on <c>Federation</c>; each <c>{OperationId}Async</c> validates its arguments before sending,
/// authenticates with a token or AK/SK, retries what the operation allows, checks the answer and raises
/// <see cref="UcsApiException"/> for every service error. Thread-safe; create one and keep it (or register it with
/// <c>services.AddFleetClient(...)</c>).
/// </summary>
public partial class FleetClient : FleetClientBase
{
    /// <summary>Creates a client that owns its HTTP pipeline; dispose it when done.</summary>
    /// <param name="options">The endpoint, credentials and limits; checked here.</param>
    /// <exception cref="FleetClientOptionsException">An option is not usable.</exception>
    public FleetClient(FleetClientOptions options)
        : base(options)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers are FleetGen's (as <c>AddFleetClient</c> builds it).</summary>
    internal FleetClient(HttpClient pipelineClient, FleetClientOptions checkedOptions, FleetTelemetry telemetry)
        : base(pipelineClient, checkedOptions, telemetry)
    {
    }

    /// <summary>For mocking frameworks: a client without a pipeline, whose members must all be overridden.</summary>
    protected FleetClient()
    {
    }

    /// <summary>The clock of waits between polls (<see cref="FleetClientOptions.TimeProvider"/>).</summary>
    internal TimeProvider Time => Settings.TimeProvider;

    /// <summary>The folder of the connection locks (<see cref="FleetClientOptions.LockDirectory"/>); <c>null</c> for the default.</summary>
    internal string? LockDirectory => Settings.LockDirectory;
}
