using System.Text.Json;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;
using FleetGen.Client.V1.Clustergroups;

namespace FleetGen.Client;

public partial class FleetOperations
{
    /// <summary>Each fleet of the page keeps its rule namespaces in whichever reading they came (<see cref="ClusterGroupSpec.GetRuleNamespaces"/>).</summary>
    partial void OnListClusterGroupAnswer(FleetAnswer<ClusterGroupList> answer, int? limit, int? offset, GetOrder_byQueryParameterType? orderBy, GetOrderQueryParameterType? order)
    {
        if (answer.Body.IsEmpty || answer.Value?.Items is not { } fleets)
        {
            return;
        }

        using var document = JsonDocument.Parse(answer.Body);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array
            || items.GetArrayLength() != fleets.Count)
        {
            return;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("spec", out var spec))
            {
                fleets[index].Spec?.ReadRuleNamespaces(spec);
            }

            index++;
        }
    }
}
