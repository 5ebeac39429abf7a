using System.Text.Json;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;
using FleetGen.Client.V1.Clustergroups.Item.Unitedworkload;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client;

public partial class WorkloadOperations
{
    /// <summary>
    /// The answer is one workload (an object, for a named query) or a list of them (an array). Kiota's composed type
    /// reads every answer as the list: its JSON parse node reads an object as an empty collection, never as none
    /// (microsoft/kiota#3976). So an object answer is read here, with Kiota's parse node, as the one workload.
    /// </summary>
    partial void OnShowProxyUnitedWorkloadAnswer(FleetAnswer<UnitedworkloadRequestBuilder.UnitedworkloadGetResponse> answer, string fleetId, UnitedWorkloadKind kind, string? @namespace, string? name)
    {
        if (answer.Body.IsEmpty)
        {
            return;
        }

        using var document = JsonDocument.Parse(answer.Body);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            var workload = new JsonParseNode(document.RootElement.Clone()).GetObjectValue(MutiWorkload.CreateFromDiscriminatorValue);
            answer.Value = new UnitedworkloadRequestBuilder.UnitedworkloadGetResponse { UnitedworkloadGetResponseMutiWorkload = workload };
        }
    }
}
