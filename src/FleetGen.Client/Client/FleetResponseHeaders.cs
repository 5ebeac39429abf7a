using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace FleetGen.Client;

/// <summary>
/// The headers of an answer as a read-only, case-insensitive view, read from the response when first asked for: a
/// call whose caller never looks at them pays nothing for them.
/// </summary>
internal sealed class FleetResponseHeaders(HttpHeaders? headers, HttpHeaders? contentHeaders) : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private Dictionary<string, IReadOnlyList<string>>? values;

    private Dictionary<string, IReadOnlyList<string>> Values => values ??= Read();

    public IReadOnlyList<string> this[string key] => Values[key];

    public IEnumerable<string> Keys => Values.Keys;

    IEnumerable<IReadOnlyList<string>> IReadOnlyDictionary<string, IReadOnlyList<string>>.Values => Values.Values;

    public int Count => Values.Count;

    public bool ContainsKey(string key) => Values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value) => Values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, IReadOnlyList<string>> Read()
    {
        var read = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in (ReadOnlySpan<HttpHeaders?>)[headers, contentHeaders])
        {
            foreach (var (name, value) in source?.NonValidated ?? default)
            {
                read[name] = [.. value];
            }
        }

        return read;
    }
}
