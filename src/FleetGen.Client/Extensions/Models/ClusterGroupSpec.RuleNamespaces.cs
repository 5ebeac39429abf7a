using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Models;

public partial class ClusterGroupSpec
{
    private List<RuleNamespace>? ruleBindings;

    /// <summary>
    /// The fleet's permission policies and the namespaces they apply to, in either published reading of
    /// <c>spec.ruleNamespaces</c>: an object with the rules and their namespaces (the live API's) as sent, a namespace
    /// name (the SDKs' and the reference's) as a binding of that one namespace and no rule. Kiota reads the field as the
    /// strings only (an object item is <c>null</c> in <see cref="RuleNamespaces"/>), so the fleet operations read the
    /// objects from the answer themselves.
    /// </summary>
    public IReadOnlyList<RuleNamespace> GetRuleNamespaces() =>
        ruleBindings ?? (RuleNamespaces ?? []).Where(name => name is not null).Select(name => new RuleNamespace { Namespaces = [name] }).ToList();

    /// <summary>Keeps the object items of <paramref name="spec"/>'s <c>ruleNamespaces</c> (the answer's JSON), when it has any.</summary>
    internal void ReadRuleNamespaces(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("ruleNamespaces", out var items)
            || items.ValueKind != JsonValueKind.Array
            || !items.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.Object))
        {
            return;
        }

        ruleBindings = items.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.Object
                ? new JsonParseNode(item.Clone()).GetObjectValue(RuleNamespace.CreateFromDiscriminatorValue)
                : new RuleNamespace { Namespaces = item.ValueKind == JsonValueKind.String ? [item.GetString()!] : [] })
            .ToList();
    }
}
