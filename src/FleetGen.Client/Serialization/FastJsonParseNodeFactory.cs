using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Serialization;

/// <summary>
/// Kiota's JSON parse node factory with a fast path: the body's bytes are read once, the contract's models are filled
/// by the emitted reader, and anything that reader does not cover goes through Kiota's own JsonParseNode.
/// </summary>
internal sealed class FastJsonParseNodeFactory : IParseNodeFactory
{
    public string ValidContentType => "application/json";

    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(contentType, ValidContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type, got {contentType}");
        }

        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return new FastJsonParseNode(buffer.AsMemory((int)memory.Position));
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return new FastJsonParseNode(copy.GetBuffer().AsMemory(0, (int)copy.Length));
    }
}
