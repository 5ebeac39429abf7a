using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace FleetGen.Client.Runtime;

/// <summary>
/// The adapter Kiota's request builders get from <see cref="FleetEngine.Adapter"/>: it serializes bodies and knows the
/// base URL, so a builder can make a <see cref="RequestInformation"/>, but it sends nothing. Requests are sent by the
/// engine, after the contract's validation and with the operation's retry policy and answer checks, so the fluent
/// request builders are no way around them.
/// </summary>
internal sealed class RequestBuildingAdapter(IRequestAdapter sender) : IRequestAdapter
{
    public ISerializationWriterFactory SerializationWriterFactory => sender.SerializationWriterFactory;

    public string? BaseUrl
    {
        get => sender.BaseUrl;
        set => throw Refused();
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => throw Refused();

    public Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => throw Refused();

    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => throw Refused();

    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw Refused();

    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw Refused();

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw Refused();

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) => throw Refused();

    private static NotSupportedException Refused() =>
        new("Kiota's request builders only build requests here: send them through the client's operation methods (client.{Group}.{OperationId}Async), which apply the contract's validation, retry policy and answer checks.");
}
