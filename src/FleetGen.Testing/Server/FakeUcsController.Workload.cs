using System.Text.Json.Nodes;
using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// The Workload operations of the contract: federated workloads stored per fleet by kind, namespace (default when
/// absent) and name. Creating one needs the fleet's federation (400 UCS.01080006); a workload that is not there is
/// 404 UCS.00000013.
/// </summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<object>> CreateProxyUnitedWorkload(MutiWorkload body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (_, fleet) =>
        {
            if (!fleet.Federated)
            {
                return NotFederated();
            }

            if (WorkloadKey(body) is not { } key)
            {
                return WorkloadNameMissing();
            }

            if (fleet.Workloads.ContainsKey(key))
            {
                return Error(400, UcsErrorCodes.InvalidRequestBody, $"Invalid request body: the federated workload {key} exists already; update it instead.");
            }

            Store(fleet, key, body);
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<MutiWorkload>> ShowProxyUnitedWorkload(UnitedWorkloadKind kind, string clustergroupid, string x_Auth_Token, string @namespace, string name)
    {
        return WithFleet<MutiWorkload>(clustergroupid, (_, fleet) =>
        {
            var found = fleet.Workloads.Where(w => w.Key.Matches(kind, @namespace, name)).OrderBy(w => w.Key.Namespace, StringComparer.Ordinal).ThenBy(w => w.Key.Name, StringComparer.Ordinal).Select(w => w.Value).ToList();

            // A named workload is answered as the object the SDKs read; a query without a name as the array of the Chinese-mainland page.
            return string.IsNullOrEmpty(name)
                ? Ok(found)
                : found is [var workload] ? Ok(workload) : WorkloadNotFound(kind, @namespace, name);
        });
    }

    public override Task<ActionResult<object>> UpdateProxyUnitedWorkload(MutiWorkload body, string clustergroupid, string x_Auth_Token) =>
        WithFleet<object>(clustergroupid, (_, fleet) =>
        {
            if (WorkloadKey(body) is not { } key)
            {
                return WorkloadNameMissing();
            }

            if (!fleet.Workloads.ContainsKey(key))
            {
                return WorkloadNotFound(key.Kind, key.Namespace, key.Name);
            }

            Store(fleet, key, body);
            return Json(200, new JsonObject());
        });

    public override Task<IActionResult> DeleteProxyUnitedWorkload(UnitedWorkloadKind kind, string clustergroupid, string x_Auth_Token, string @namespace, string name) =>
        Task.FromResult<IActionResult>(state.WithInventory(inventory => OnFleet(inventory, clustergroupid, (_, fleet) =>
        {
            var keys = fleet.Workloads.Keys.Where(k => k.Matches(kind, @namespace, name)).ToList();
            if (keys.Count == 0)
            {
                return WorkloadNotFound(kind, @namespace, name);
            }

            foreach (var key in keys)
            {
                fleet.Workloads.Remove(key);
            }

            return new StatusCodeResult(200);
        })));

    /// <summary>Stores the workload as sent, with its namespace filled in.</summary>
    private static void Store(FakeFleet fleet, FakeWorkloadKey key, MutiWorkload workload)
    {
        workload.Metadata.Namespace = key.Namespace;
        fleet.Workloads[key] = workload;
    }

    private static FakeWorkloadKey? WorkloadKey(MutiWorkload body) =>
        body.Metadata?.Name is { Length: > 0 } name
            ? new FakeWorkloadKey(body.Kind, string.IsNullOrEmpty(body.Metadata.Namespace) ? "default" : body.Metadata.Namespace, name)
            : null;

    private static ContentResult WorkloadNameMissing() =>
        Error(400, UcsErrorCodes.InvalidRequestBody, "Invalid request body: metadata.name, the workload's name, is required.");

    private static ContentResult WorkloadNotFound(UnitedWorkloadKind kind, string? @namespace, string? name) =>
        Error(404, UcsErrorCodes.ResourceNotFound, $"No requested resources found: no federated {kind} {(string.IsNullOrEmpty(@namespace) ? "*" : @namespace)}/{(string.IsNullOrEmpty(name) ? "*" : name)}.");
}
