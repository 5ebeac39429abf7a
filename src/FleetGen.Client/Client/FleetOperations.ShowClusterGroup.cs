using System.Text.Json;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class FleetOperations
{
    /// <summary>
    /// A fleet's VPC endpoints decide whether a call creates another one, so a list that cannot be read whole is an
    /// unusable answer, never "no endpoint": <c>spec.connectGatewayEndpoints</c>, when present, must be an array of
    /// objects that each carry an id. The rule namespaces are kept in whichever reading they came.
    /// </summary>
    partial void OnShowClusterGroupAnswer(FleetAnswer<ClusterGroup> answer, string fleetId)
    {
        using var document = JsonDocument.Parse(answer.Body);
        if (ConnectionEndpointsProblem(document.RootElement) is { } problem)
        {
            throw answer.Unusable($"the VPC endpoints of fleet {fleetId} cannot be read: spec.connectGatewayEndpoints {problem}");
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("spec", out var spec))
        {
            answer.Value?.Spec?.ReadRuleNamespaces(spec);
        }
    }

    private static string? ConnectionEndpointsProblem(JsonElement fleet)
    {
        if (fleet.ValueKind != JsonValueKind.Object
            || !fleet.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("connectGatewayEndpoints", out var endpoints) || endpoints.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (endpoints.ValueKind != JsonValueKind.Array)
        {
            return $"is {endpoints.ValueKind.ToString().ToLowerInvariant()}, not an array";
        }

        var index = 0;
        foreach (var endpoint in endpoints.EnumerateArray())
        {
            if (endpoint.ValueKind != JsonValueKind.Object || !endpoint.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
            {
                return $"[{index}] has no id";
            }

            index++;
        }

        return null;
    }
}
