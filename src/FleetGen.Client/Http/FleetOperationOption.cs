using FleetGen.Client.Runtime;
using FleetGen.Client.Telemetry;
using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client.Http;

/// <summary>
/// The operation a request belongs to, handed from the façade through Kiota's request options to FleetGen's handlers
/// (Kiota copies each option into <see cref="HttpRequestMessage.Options"/>), so the retry handler applies that
/// operation's policy and records what it saw of the call for the operation's span.
/// </summary>
internal sealed class FleetOperationOption(FleetOperation operation, IReadOnlyList<KeyValuePair<string, object?>> pathValues) : IRequestOption
{
    private static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(FleetOperationOption).FullName!);

    public FleetOperation Operation { get; } = operation;

    /// <summary>The path parameters as the caller gave them, by their façade names (<c>fleetId</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> PathValues { get; } = pathValues;

    public FleetCallRecord Record { get; } = new();

    /// <summary>The option of a request the façade sent; <c>null</c> for a request sent without it (Kiota's own request builders).</summary>
    public static FleetOperationOption? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) ? option as FleetOperationOption : null;

    public static FleetOperationOption? Of(RequestInformation request) =>
        request.RequestOptions.OfType<FleetOperationOption>().FirstOrDefault();
}
