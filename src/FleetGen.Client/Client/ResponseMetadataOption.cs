using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client;

/// <summary>
/// A per-call request option that the error handler fills with the status and request id of a success, so that a
/// success whose body cannot be read still reports them.
/// </summary>
internal sealed class ResponseMetadataOption : IRequestOption
{
    public static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ResponseMetadataOption).FullName!);

    public int? StatusCode { get; set; }

    public string? RequestId { get; set; }
}
