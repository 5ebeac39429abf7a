using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// A semantic comparison of two JSON documents: key order, number spelling (<c>1</c>, <c>1.0</c>) and the spelling of
/// one instant (<c>Z</c>, <c>+00:00</c>, fractions) do not count, nor a field sent with the default the contract
/// documents for it; everything else is a difference, named by its JSON path.
/// </summary>
public static class JsonDifferences
{
    /// <summary>The differences between what the contract's example says (<paramref name="expected"/>) and what was sent.</summary>
    public static List<string> Between(JsonNode? expected, JsonNode? sent, IReadOnlyDictionary<string, JsonNode?>? defaults = null)
    {
        var differences = new List<string>();
        new Comparison(defaults ?? new Dictionary<string, JsonNode?>(), differences).Compare(expected, sent, "$");
        return differences;
    }

    private sealed record Comparison(IReadOnlyDictionary<string, JsonNode?> Defaults, List<string> Differences)
    {
        private bool IsDefault(string path, JsonNode? sent) =>
            Defaults.TryGetValue(path, out var given) && Between(given, sent).Count == 0;

        public void Compare(JsonNode? expected, JsonNode? sent, string path)
        {
            switch (expected, sent)
            {
                case (null, null):
                    return;
                case (JsonObject e, JsonObject s):
                    foreach (var (key, value) in e)
                    {
                        if (!s.ContainsKey(key))
                        {
                            Differences.Add($"{path}.{key}: in the example, not sent");
                        }
                        else
                        {
                            Compare(value, s[key], $"{path}.{key}");
                        }
                    }

                    foreach (var key in s.Select(p => p.Key).Where(k => !e.ContainsKey(k) && !IsDefault($"{path}.{k}", s[k])))
                    {
                        Differences.Add($"{path}.{key}: sent ({s[key]?.ToJsonString() ?? "null"}), not in the example");
                    }

                    return;
                case (JsonArray e, JsonArray s):
                    if (e.Count != s.Count)
                    {
                        Differences.Add($"{path}: {s.Count} items sent, the example has {e.Count}");
                        return;
                    }

                    for (var i = 0; i < e.Count; i++)
                    {
                        Compare(e[i], s[i], $"{path}[{i}]");
                    }

                    return;
                case (JsonValue e, JsonValue s) when SameValue(e, s):
                    return;
                default:
                    Differences.Add($"{path}: sent {sent?.ToJsonString() ?? "null"}, the example has {expected?.ToJsonString() ?? "null"}");
                    return;
            }
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue sent)
    {
        var (e, s) = (expected.GetValueKind(), sent.GetValueKind());
        if (e == JsonValueKind.Number && s == JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(sent.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (e == JsonValueKind.String && s == JsonValueKind.String)
        {
            var (a, b) = (expected.GetValue<string>(), sent.GetValue<string>());
            return a == b || (Instant(a) is { } x && Instant(b) is { } y && x == y);
        }

        return e == s && expected.ToJsonString() == sent.ToJsonString();
    }

    /// <summary>An ISO 8601 timestamp with a date, a time and an offset, else <c>null</c>.</summary>
    private static DateTimeOffset? Instant(string text) =>
        text.Length >= 20 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
}
