namespace FleetGen.Client.Telemetry;

/// <summary>What the handlers saw of one call, for its span: attempts, the last status and request id.</summary>
internal sealed class FleetCallRecord
{
    public int Attempts { get; set; }

    public int? StatusCode { get; set; }

    public string? RequestId { get; set; }
}
