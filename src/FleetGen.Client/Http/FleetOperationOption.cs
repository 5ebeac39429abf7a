using FleetGen.Client.Contract;
using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client.Http;

/// <summary>
/// The operation a request belongs to, handed from the façade through Kiota's request options to FleetGen's handlers
/// (Kiota copies each option into <see cref="HttpRequestMessage.Options"/>), so the retry handler applies that
/// operation's policy.
/// </summary>
internal sealed class FleetOperationOption(FleetOperation operation) : IRequestOption
{
    private static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(FleetOperationOption).FullName!);

    public FleetOperation Operation { get; } = operation;

    /// <summary>The operation of a request the façade sent; <c>null</c> for a request of the fluent path (<c>client.Api…</c>).</summary>
    public static FleetOperation? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) && option is FleetOperationOption operation ? operation.Operation : null;
}
