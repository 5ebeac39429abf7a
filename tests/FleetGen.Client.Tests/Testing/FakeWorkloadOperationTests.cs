using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>The fake's federated workloads through the SDK: stored per fleet by kind, namespace and name.</summary>
public sealed class FakeWorkloadOperationTests : FakeUcsTests
{
    private static MutiWorkload Deployment(string name, int replicas, string? @namespace = null) => new()
    {
        Kind = UnitedWorkloadKind.Deployment,
        ApiVersion = "apps/v1",
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
        ResourceBinding = new ResourceBinding { Spec = new ResourceBindingSpec { Replicas = replicas } },
    };

    [Fact]
    public async Task A_workload_is_created_shown_updated_and_deleted_in_its_fleet()
    {
        var fleet = FakeUcsServerOptions.DefaultFleet;

        await Client.Workload.CreateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 2));
        await Client.Workload.CreateProxyUnitedWorkloadAsync(fleet, Deployment("api", 1, "apps"));
        await Client.Workload.UpdateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 3, "default"));

        // A named query is answered with the object the official SDKs read (Kiota's composed type reads only the array;
        // the façade's answer hook reads the object), a query without a name with the array.
        var named = (await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx")).UnitedworkloadGetResponseMutiWorkload!;
        Assert.Equal(("nginx", "default", 3), (named.Metadata?.Name, named.Metadata?.Namespace, named.ResourceBinding?.Spec?.Replicas));
        var inDefault = Assert.Single((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default")).MutiWorkload!);
        Assert.Equal(("nginx", "default", 3), (Name(inDefault), inDefault.Metadata?.Namespace, inDefault.ResourceBinding?.Spec?.Replicas));
        var all = (await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment)).MutiWorkload!;
        Assert.Equal(["api", "nginx"], all.Select(Name));
        Assert.Empty((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Service)).MutiWorkload!);

        await Client.Workload.DeleteProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx");

        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx")));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.DeleteProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx")));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.UpdateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 1))));
        Assert.Equal("api", Name(Assert.Single((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment)).MutiWorkload!)));
    }

    private static string? Name(MutiWorkload workload) => workload.Metadata?.Name;

    [Fact]
    public async Task A_workload_needs_a_federated_fleet_a_name_and_a_name_not_in_use()
    {
        Server.AddFleet("f-plain", federationEnabled: false);
        var fleet = FakeUcsServerOptions.DefaultFleet;
        await Client.Workload.CreateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 2));

        Assert.Equal((400, UcsErrorCodes.ClusterGroupNotFederated), await RefusedAsync(() => Client.Workload.CreateProxyUnitedWorkloadAsync("f-plain", Deployment("nginx", 2))));
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), await RefusedAsync(() => Client.Workload.CreateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 2, "default"))));
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), await RefusedAsync(() => Client.Workload.CreateProxyUnitedWorkloadAsync(fleet, new MutiWorkload { Kind = UnitedWorkloadKind.Deployment })));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Workload.ShowProxyUnitedWorkloadAsync("f-nowhere", UnitedWorkloadKind.Deployment)));
    }
}
