using System.Text.Json.Nodes;
using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// The Fleet operations of the contract: fleets with a name unique among them (409 UCS.01100004), a description,
/// member clusters (a cluster is in one fleet at most), permission policies and DNS suffixes.
/// </summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<ClusterGroupList>> ListClusterGroup(string x_Auth_Token, int? limit, int? offset, Order_by? order_by, Order? order) =>
        WithInventory<ClusterGroupList>(inventory =>
        {
            var (fleets, total, refused) = FakePage.Of(inventory.Fleets(), f => (f.Created, f.Updated, f.Sequence), limit, offset, order_by, order);
            return refused ?? Json(200, new JsonObject
            {
                ["items"] = new JsonArray([.. fleets.Select(f => (JsonNode)FakeUcsAnswers.ClusterGroup(f, inventory.ClusterIdsOf(f.Id), inventory.Now, Variant))]),
                ["total"] = total,
            });
        });

    public override Task<ActionResult<CreatedUid>> RegisterClusterGroup(RegisterClusterGroupRequestBody body, string x_Auth_Token) =>
        WithInventory<CreatedUid>(inventory =>
        {
            var name = body.Metadata.Name;
            if (inventory.Fleets().Any(f => f.Name == name))
            {
                return Error(409, UcsErrorCodes.ClusterGroupExists, $"The same clustergroup already exists: {name}.");
            }

            var clusterIds = body.Spec?.ClusterIds ?? [];
            if (Joinable(inventory, clusterIds, fleetId: null) is { } refused)
            {
                return refused;
            }

            var fleet = FakeFleet.Create(Guid.NewGuid().ToString(), name, body.Spec?.Description ?? string.Empty, federated: false, state.Options.FederationStepDuration, inventory.Now, inventory.NextSequence());
            inventory.Add(fleet);
            foreach (var clusterId in clusterIds)
            {
                inventory.Join(inventory.Cluster(clusterId)!, fleet);
            }

            return StatusCode(201, new CreatedUid { Uid = fleet.Id });
        });

    public override Task<ActionResult<object>> DeleteClusterGroup(string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (inventory, fleet) =>
        {
            if (fleet.Federated || fleet.JobRunning(inventory.Now))
            {
                return Error(400, UcsErrorCodes.ClusterGroupAlreadyFederated, "Cluster group has federalized: disable its federation before deleting it.");
            }

            if (inventory.ClusterIdsOf(fleet.Id) is { Count: > 0 } members)
            {
                return Error(400, UcsErrorCodes.AssociatedClustersInvalid, $"Update associated clusters validate failed: the fleet still has {members.Count} cluster(s) ({string.Join(", ", members)}); remove them first (LeaveGroup).");
            }

            inventory.Remove(fleet);
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> UpdateClusterGroup(UpdateClusterGroupDescriptionRequestBody body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (inventory, fleet) =>
        {
            fleet.Description = body.Description;
            fleet.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedClusters(UpdateClusterGroupAssociatedClustersRequestBody body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (inventory, fleet) =>
        {
            var clusterIds = body.ClusterIds ?? [];
            if (Joinable(inventory, clusterIds, fleet.Id) is { } refused)
            {
                return refused;
            }

            foreach (var clusterId in clusterIds)
            {
                inventory.Join(inventory.Cluster(clusterId)!, fleet);
            }

            fleet.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedRules(UpdateAssociatedRulesRequestBody body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (inventory, fleet) =>
        {
            fleet.Rules = FakeRuleBinding.From(body);
            fleet.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> UpdateClusterGroupAssociatedZones(UpdateAssociatedZonesRequestBody body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (inventory, fleet) =>
        {
            fleet.DnsSuffix = [.. body.DnsSuffix ?? []];
            fleet.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    /// <summary>The fleet's answer under the state's lock, or 404 UCS.01100005 for a fleet the server does not know.</summary>
    private Task<ActionResult<T>> WithFleet<T>(string fleetId, Func<FakeInventory, FakeFleet, ActionResult> act) =>
        WithInventory<T>(inventory => OnFleet(inventory, fleetId, act));

    private static ActionResult OnFleet(FakeInventory inventory, string fleetId, Func<FakeInventory, FakeFleet, ActionResult> act) =>
        inventory.Fleet(fleetId) is { } fleet ? act(inventory, fleet) : FleetNotFound();

    private Task<ActionResult<T>> WithInventory<T>(Func<FakeInventory, ActionResult> act) =>
        Task.FromResult<ActionResult<T>>(state.WithInventory(act));

    /// <summary>
    /// Why the clusters cannot join the fleet <paramref name="fleetId"/> (null for a new fleet), or null when they can:
    /// 400 UCS.01100007 for an unknown cluster or one in another fleet, 400 UCS.01030004 for one not activated yet.
    /// </summary>
    private static ContentResult? Joinable(FakeInventory inventory, IEnumerable<string> clusterIds, string? fleetId)
    {
        foreach (var clusterId in clusterIds)
        {
            switch (inventory.Cluster(clusterId))
            {
                case null:
                    return Error(400, UcsErrorCodes.AssociatedClustersInvalid, $"Update associated clusters validate failed: no cluster {clusterId}.");
                case { FleetId: { } other } when other != fleetId:
                    return Error(400, UcsErrorCodes.AssociatedClustersInvalid, $"Update associated clusters validate failed: cluster {clusterId} is in fleet {other}.");
                case { IsAvailable: false } cluster:
                    return ClusterUnavailable(cluster);
            }
        }

        return null;
    }

    private static ContentResult FleetNotFound() => Error(404, UcsErrorCodes.ClusterGroupNotFound, "ClusterGroup Not Found.");
}
