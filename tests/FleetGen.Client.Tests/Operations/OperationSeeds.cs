using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// What the fake must hold before an operation's example can succeed: a fleet for every call that names one, and the
/// state some federation operations need, reached through the operations that make it (and the fake's clock, moved
/// past the end of their jobs); the platform's in OperationSeeds.Platform.cs.
/// </summary>
internal static partial class OperationSeeds
{
    // Ids the contract's request examples name in their bodies.
    private static readonly string[] ExampleMemberClusters = ["514c1a3c-8ec7-11ec-b384-0255ac100189", "d4804da3-8f03-11ec-b384-0255ac100189"];
    private const string ExampleJoinedFleet = "49077339-f1cd-11ec-a2be-0255ac1001c2";

    public static async Task PrepareAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, OperationCall call, CancellationToken cancellationToken)
    {
        if (call.PathValues.TryGetValue("clusterid", out var cluster))
        {
            PrepareCluster(server, call.OperationId, cluster);
        }

        await PreparePlatformAsync(server, client, clock, call.OperationId, cancellationToken);

        if (call.OperationId is "RegisterClusterGroup" or "UpdateClusterGroupAssociatedClusters")
        {
            foreach (var member in ExampleMemberClusters)
            {
                server.AddCluster(member);
            }
        }

        if (!call.PathValues.TryGetValue("clustergroupid", out var fleet))
        {
            return;
        }

        switch (call.OperationId)
        {
            case "EnableFederation":
                server.AddFleet(fleet, federationEnabled: false);
                break;
            case "ShowFederationProgress":
                server.AddFleet(fleet, federationEnabled: false);
                await client.Federation.EnableFederationAsync(fleet, cancellationToken: cancellationToken);
                break;
            case "RollbackFederation":
                server.AddFleet(fleet);
                await client.Federation.UpgradeFederationAsync(fleet, new UpgradeFederationRequestBody { TargetVersion = "v1.4.0" }, cancellationToken);
                clock.Advance(TimeSpan.FromMinutes(1));
                break;
            case "DownloadFederationKubeconfig":
                server.AddFleet(fleet);
                var network = new CreateFederationConnectionRequestBody { ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1", VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066", SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b" };
                await client.Federation.CreateFederationConnectionAsync(fleet, network, cancellationToken);
                break;
            case "DeleteClusterGroup":
                server.AddFleet(fleet, federationEnabled: false);
                break;
            case "ShowProxyUnitedWorkload" or "UpdateProxyUnitedWorkload" or "DeleteProxyUnitedWorkload":
                server.AddFleet(fleet);
                await client.Workload.CreateProxyUnitedWorkloadAsync(fleet, await ExampleAsync("/v1/clustergroups/{clustergroupid}/unitedworkload", MutiWorkload.CreateFromDiscriminatorValue), cancellationToken);
                break;
            default:
                server.AddFleet(fleet);
                break;
        }
    }

    /// <summary>The cluster of the path, of the category and in the state the operation needs.</summary>
    private static void PrepareCluster(FakeUcsServer server, string operationId, string cluster)
    {
        switch (operationId)
        {
            case "UpdateCluster" or "ShowClusterAccessInfo":
                server.AddCluster(cluster, category: "attachedcluster", type: "eks");
                break;
            case "RetryClusterActivation":
                server.AddCluster(cluster, category: "attachedcluster", type: "eks", activated: false);
                break;
            case "CreateClusterConf":
                server.AddCluster(cluster, category: "onpremise", type: "privatek8s");
                break;
            case "LeaveGroup":
                server.AddFleet(ExampleJoinedFleet);
                server.AddCluster(cluster, fleetId: ExampleJoinedFleet);
                break;
            case "JoinGroup":
                server.AddFleet(ExampleJoinedFleet);
                server.AddCluster(cluster);
                break;
            default:
                server.AddCluster(cluster);
                break;
        }
    }

    /// <summary>The request example of the POST on <paramref name="path"/>, as its model.</summary>
    private static async Task<T> ExampleAsync<T>(string path, ParsableFactory<T> factory)
        where T : IParsable
    {
        var document = await ContractDocument.LoadAsync();
        var example = document.Paths[path].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Example!.ToJsonString();
        using var json = System.Text.Json.JsonDocument.Parse(example);
        return new JsonParseNode(json.RootElement.Clone()).GetObjectValue(factory)!;
    }
}
