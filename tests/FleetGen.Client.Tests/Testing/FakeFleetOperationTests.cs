using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>The fake's Fleet operations through the SDK: fleets with names, descriptions, clusters, rules and zones, and the documented refusals.</summary>
public sealed class FakeFleetOperationTests : FakeUcsTests
{
    private static RegisterClusterGroupRequestBody Fleet(string name, string? description = null, params List<string> clusterIds) => new()
    {
        Metadata = new RegisterClusterGroupObjectMeta { Name = name },
        Spec = new RegisterClusterGroupSpec { Description = description, ClusterIds = clusterIds },
    };

    [Fact]
    public async Task A_registered_fleet_gets_a_new_uid_and_is_shown_with_its_name_description_and_clusters()
    {
        Server.AddCluster("c-1");
        Server.AddCluster("c-2");

        var created = await Client.Fleet.RegisterClusterGroupAsync(Fleet("prod", "production fleet", "c-1", "c-2"));
        var fleet = await Client.Fleet.ShowClusterGroupAsync(created.Uid!);

        Assert.True(Guid.TryParse(created.Uid, out _));
        Assert.Equal((created.Uid, "prod"), (fleet.Metadata!.Uid, fleet.Metadata.Name));
        Assert.Equal("production fleet", fleet.Spec!.Description);
        Assert.Equal(["c-1", "c-2"], fleet.Spec.ClusterIds!);
        Assert.Equal(string.Empty, fleet.Spec.FederationId);
        Assert.Empty(fleet.Status!.Conditions!);
        Assert.All(Server.Clusters, c => Assert.Equal(created.Uid, c.FleetId));
        Assert.Equal("prod", Assert.Single(Server.Fleets, f => f.Id == created.Uid).Name);
    }

    [Fact]
    public async Task A_fleet_name_in_use_is_409_UCS_01100004_and_an_unknown_or_unavailable_cluster_400_and_nothing_is_made()
    {
        Server.AddFleet("f-1", "prod");
        Server.AddCluster("c-new", activated: false);

        Assert.Equal((409, UcsErrorCodes.ClusterGroupExists), await RefusedAsync(() => Client.Fleet.RegisterClusterGroupAsync(Fleet("prod"))));
        Assert.Equal((400, UcsErrorCodes.AssociatedClustersInvalid), await RefusedAsync(() => Client.Fleet.RegisterClusterGroupAsync(Fleet("dev", null, "c-nowhere"))));
        Assert.Equal((400, UcsErrorCodes.ClusterUnavailable), await RefusedAsync(() => Client.Fleet.RegisterClusterGroupAsync(Fleet("dev", null, "c-new"))));
        Assert.Equal(["f-1", FakeUcsServerOptions.DefaultFleet], Server.Fleets.Select(f => f.Id));
    }

    [Fact]
    public async Task ListClusterGroup_pages_newest_first_with_limit_offset_and_the_total_of_all_pages()
    {
        Server.AddFleet("f-a", "alpha");
        Server.AddFleet("f-b", "beta", federationEnabled: false);
        Server.AddFleet("f-c", "gamma");

        var page = await Client.Fleet.ListClusterGroupAsync(limit: 2, offset: 1);
        var all = await Client.Fleet.ListClusterGroupAsync();
        var unlimited = await Client.Fleet.ListClusterGroupAsync(limit: -1, order: FleetGen.Client.V1.Clustergroups.GetOrderQueryParameterType.Asc);

        Assert.Equal(4, page.Total);
        Assert.Equal(["f-b", "f-a"], page.Items!.Select(f => f.Metadata!.Uid));
        Assert.Equal(["gamma", "beta", "alpha", FakeUcsServerOptions.DefaultFleet], all.Items!.Select(f => f.Metadata!.Name));
        Assert.Equal([FakeUcsServerOptions.DefaultFleet, "f-a", "f-b", "f-c"], unlimited.Items!.Select(f => f.Metadata!.Uid));
        Assert.Equal(4, unlimited.Total);
        Assert.Equal([null, "Available"], all.Items!.Skip(1).Take(2).Select(f => f.Status!.Conditions!.SingleOrDefault()?.Status));
    }

    [Fact]
    public async Task DeleteClusterGroup_refuses_a_federated_fleet_and_one_with_clusters_then_deletes_the_empty_fleet()
    {
        Server.AddFleet("f-1", federationEnabled: false);
        Server.AddCluster("c-1", fleetId: "f-1");

        Assert.Equal((400, UcsErrorCodes.ClusterGroupAlreadyFederated), await RefusedAsync(() => Client.Fleet.DeleteClusterGroupAsync(FakeUcsServerOptions.DefaultFleet)));
        Assert.Equal((400, UcsErrorCodes.AssociatedClustersInvalid), await RefusedAsync(() => Client.Fleet.DeleteClusterGroupAsync("f-1")));
        await Client.Cluster.LeaveGroupAsync("c-1");
        await Client.Fleet.DeleteClusterGroupAsync("f-1");

        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.ShowClusterGroupAsync("f-1")));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.DeleteClusterGroupAsync("f-1")));
        Assert.Equal([FakeUcsServerOptions.DefaultFleet], Server.Fleets.Select(f => f.Id));
    }

    [Fact]
    public async Task UpdateClusterGroupAssociatedClusters_adds_clusters_and_refuses_unknown_foreign_and_unavailable_ones()
    {
        Server.AddFleet("f-1", federationEnabled: false);
        Server.AddFleet("f-2", federationEnabled: false);
        Server.AddCluster("c-1");
        Server.AddCluster("c-2");
        Server.AddCluster("c-other", fleetId: "f-2");
        Server.AddCluster("c-new", activated: false);
        UpdateClusterGroupAssociatedClustersRequestBody Add(params List<string> ids) => new() { ClusterIds = ids };

        await Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-1", Add("c-2"));
        await Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-1", Add("c-1", "c-2"));

        Assert.Equal(["c-2", "c-1"], (await Client.Fleet.ShowClusterGroupAsync("f-1")).Spec!.ClusterIds!);
        Assert.Equal((400, UcsErrorCodes.AssociatedClustersInvalid), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-1", Add("c-nowhere"))));
        Assert.Equal((400, UcsErrorCodes.AssociatedClustersInvalid), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-1", Add("c-other"))));
        Assert.Equal((400, UcsErrorCodes.ClusterUnavailable), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-1", Add("c-new"))));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedClustersAsync("f-nowhere", Add("c-1"))));
        Assert.Equal(["c-other"], Server.Fleets.Single(f => f.Id == "f-2").ClusterIds);
    }

    [Fact]
    public async Task Description_rules_and_zones_are_stored_and_shown_by_ShowClusterGroup()
    {
        var fleet = FakeUcsServerOptions.DefaultFleet;

        await Client.Fleet.UpdateClusterGroupAsync(fleet, new UpdateClusterGroupDescriptionRequestBody { Description = "fleet for the production clusters" });
        await Client.Fleet.UpdateClusterGroupAssociatedRulesAsync(fleet, new UpdateAssociatedRulesRequestBody
        {
            RuleIDNamespaces = [new RuleIDNamespaces { RuleIDs = ["rule-1"], Namespaces = ["default", "kube-system"] }, new RuleIDNamespaces { RuleIDs = ["rule-2"], Namespaces = ["apps"] }],
        });
        await Client.Fleet.UpdateClusterGroupAssociatedZonesAsync(fleet, new UpdateAssociatedZonesRequestBody { DnsSuffix = ["wpwebsite.com"] });
        var spec = (await Client.Fleet.ShowClusterGroupAsync(fleet)).Spec!;

        Assert.Equal("fleet for the production clusters", spec.Description);
        Assert.Equal(["default", "kube-system", "apps"], spec.RuleNamespaces!);
        Assert.Equal(["wpwebsite.com"], spec.DnsSuffix!);
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAsync("f-nowhere", new UpdateClusterGroupDescriptionRequestBody { Description = "x" })));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedRulesAsync("f-nowhere", new UpdateAssociatedRulesRequestBody())));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Fleet.UpdateClusterGroupAssociatedZonesAsync("f-nowhere", new UpdateAssociatedZonesRequestBody())));
    }
}
