using System.Globalization;
using FleetGen.Client.Models;
using FleetGen.Testing;
using Microsoft.Kiota.Abstractions.Serialization;

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

        // A named query is answered with the object the official SDKs read; FleetGen's generated composed type does not
        // pick the object reading yet (no discriminator), so the state is read through the array reading of a query without a name.
        var inDefault = Assert.Single((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default")).MutiWorkload!);
        Assert.Equal(("nginx", "default", 3), (Name(inDefault), Field(inDefault, "metadata", "namespace"), int.Parse(Field(inDefault, "resourceBinding", "spec", "replicas")!, CultureInfo.InvariantCulture)));
        var all = (await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment)).MutiWorkload!;
        Assert.Equal(["api", "nginx"], all.Select(Name));
        Assert.Empty((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Service)).MutiWorkload!);

        await Client.Workload.DeleteProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx");

        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx")));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.DeleteProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment, "default", "nginx")));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), await RefusedAsync(() => Client.Workload.UpdateProxyUnitedWorkloadAsync(fleet, Deployment("nginx", 1))));
        Assert.Equal("api", Name(Assert.Single((await Client.Workload.ShowProxyUnitedWorkloadAsync(fleet, UnitedWorkloadKind.Deployment)).MutiWorkload!)));
    }

    /// <summary>The name of a workload of the array answer, whose items the generated client keeps as untyped data.</summary>
    private static string? Name(FleetGen.Client.V1.Clustergroups.Item.Unitedworkload.MutiWorkload workload) => Field(workload, "metadata", "name");

    private static string? Field(FleetGen.Client.V1.Clustergroups.Item.Unitedworkload.MutiWorkload workload, string property, params string[] path)
    {
        var node = workload.AdditionalData.TryGetValue(property, out var value) ? value as UntypedNode : null;
        foreach (var step in path)
        {
            node = node is UntypedObject parent && parent.GetValue().TryGetValue(step, out var child) ? child : null;
        }

        return node switch
        {
            UntypedString text => text.GetValue(),
            UntypedInteger number => number.GetValue().ToString(CultureInfo.InvariantCulture),
            UntypedLong number => number.GetValue().ToString(CultureInfo.InvariantCulture),
            UntypedDecimal number => number.GetValue().ToString(CultureInfo.InvariantCulture),
            UntypedDouble number => number.GetValue().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

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
