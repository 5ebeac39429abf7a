using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetGen.Client.Telemetry;

/// <summary>
/// What a client reports, under the name <c>FleetGen.Client</c>: a span per operation (<see cref="Source"/>), the
/// operation duration and retries (<see cref="Meter"/>), and log lines per attempt and retry decision (<see cref="Logger"/>).
/// Nothing here ever carries a credential, key or certificate: only operation ids, path parameters, statuses, request
/// ids, durations and reasons.
/// </summary>
internal sealed class FleetTelemetry : IDisposable
{
    public const string Name = "FleetGen.Client";

    private readonly Meter meter;
    private readonly bool ownsMeter;

    public FleetTelemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Name);
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(Name, Version) ?? new Meter(Name, Version);
        OperationDuration = meter.CreateHistogram<double>("ucs.client.operation.duration", "s", "Duration of UCS operations, retries and waits included.");
        Retries = meter.CreateCounter<long>("ucs.client.retries", "{retry}", "Attempts sent again, by reason.");
    }

    public static string Version { get; } = typeof(FleetTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public ActivitySource Source { get; } = new(Name, Version);

    public ILogger Logger { get; }

    public Histogram<double> OperationDuration { get; }

    public Counter<long> Retries { get; }

    public void Dispose()
    {
        Source.Dispose();
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
