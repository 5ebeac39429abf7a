using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using FleetGen.Client.Models;
using FleetGen.Client.V1.Clusters;
using FleetGen.Testing;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Tests.Testing;

/// <summary>The fake's Cluster operations through the SDK: registration, activation, membership, access information and kubeconfigs.</summary>
public sealed class FakeClusterOperationTests : FakeUcsTests
{
    private const string AttachedKubeconfig = """{"kind":"Config","apiVersion":"v1","clusters":[{"name":"eks","cluster":{"server":"https://10.0.0.1"}}],"users":[],"contexts":[],"current-context":"eks"}""";

    private static RegisterClusterRequestBody Attached(string name, string? fleetId = null, string kubeconfig = AttachedKubeconfig) => new()
    {
        Kind = RegisterClusterRequestBody_kind.Cluster,
        ApiVersion = RegisterClusterRequestBody_apiVersion.V1,
        Metadata = new RegisterClusterMetadata { Name = name, Annotations = new RegisterClusterMetadata_annotations { AdditionalData = { ["kubeconfig"] = kubeconfig } } },
        Spec = new RegisterClusterSpec
        {
            Category = "attachedcluster",
            Type = "eks",
            Provider = "aws",
            Country = "DE",
            City = "110000",
            ClusterGroupID = fleetId,
            ManageType = fleetId is null ? RegisterClusterSpec_manageType.Discrete : RegisterClusterSpec_manageType.Grouped,
        },
    };

    private static RegisterClusterRequestBody Cce(string name, string? uid) => new()
    {
        Kind = RegisterClusterRequestBody_kind.Cluster,
        ApiVersion = RegisterClusterRequestBody_apiVersion.V1,
        Metadata = new RegisterClusterMetadata { Name = name, Uid = uid },
        Spec = new RegisterClusterSpec { Category = "self", Type = "cce", Provider = "cce", Country = "*", City = "110000", ManageType = RegisterClusterSpec_manageType.Discrete },
    };

    [Fact]
    public async Task ShowClusterList_filters_by_fleet_category_management_and_ids_and_pages_with_the_total()
    {
        Server.AddFleet("f-1", federationEnabled: false);
        Server.AddCluster("c-1", "one", fleetId: "f-1");
        Server.AddCluster("c-2", "two", category: "attachedcluster", type: "eks");
        Server.AddCluster("c-3", "three", fleetId: "f-1", category: "attachedcluster", type: "aks", activated: false);

        static string[] Ids(ClusterList list) => [.. list.Items!.Select(c => c.Metadata!.Uid!)];

        Assert.Equal(["c-3", "c-2", "c-1"], Ids(await Client.Cluster.ShowClusterListAsync()));
        Assert.Equal(["c-3", "c-1"], Ids(await Client.Cluster.ShowClusterListAsync(fleetId: "f-1")));
        Assert.Equal(["c-3", "c-2"], Ids(await Client.Cluster.ShowClusterListAsync(category: "attachedcluster")));
        Assert.Equal(["c-2"], Ids(await Client.Cluster.ShowClusterListAsync(manageType: GetManagetypeQueryParameterType.Discrete)));
        Assert.Equal(["c-3", "c-1"], Ids(await Client.Cluster.ShowClusterListAsync(clusterIds: ["c-1", "c-3", "c-nowhere"])));
        Assert.Empty(Ids(await Client.Cluster.ShowClusterListAsync(fleetId: "f-nowhere")));
        var page = await Client.Cluster.ShowClusterListAsync(limit: 1, offset: 1, order: GetOrderQueryParameterType.Asc, enableStatus: false);
        Assert.Equal(3, page.Total);
        Assert.Equal(["c-2"], Ids(page));
        Assert.Null(Assert.Single(page.Items!).Status);
        Assert.Equal((400, UcsErrorCodes.BadQueryParameter), await RawGetAsync("/v1/clusters?limit=-2"));
    }

    [Fact]
    public async Task ShowCluster_answers_the_cluster_its_fleet_and_status_and_an_unknown_id_404_UCS_01030001()
    {
        Server.AddCluster("c-1", "one", fleetId: FakeUcsServerOptions.DefaultFleet);

        var cluster = await Client.Cluster.ShowClusterAsync("c-1");

        Assert.Equal(("c-1", "one", "Cluster"), (cluster.Metadata!.Uid, cluster.Metadata.Name, cluster.Kind));
        Assert.Equal((FakeUcsServerOptions.DefaultFleet, "grouped", "self", "cce"), (cluster.Spec!.ClusterGroupID, cluster.Spec.ManageType, cluster.Spec.Category, cluster.Spec.Type));
        Assert.Equal("Available", cluster.Status!.Phase);
        Assert.Contains(cluster.Status.Conditions!, c => (c.Type, c.Status) == ("Ready", "True"));
        Assert.Equal(Server.Kubernetes.Url.ToString().TrimEnd('/'), Assert.Single(cluster.Status.Endpoints!).Url);
        Assert.Equal((404, UcsErrorCodes.ClusterNotFound), await RefusedAsync(() => Client.Cluster.ShowClusterAsync("c-nowhere")));
    }

    [Fact]
    public async Task CreateClusterKubeconfig_answers_a_kubeconfig_whose_certificate_the_fake_Kubernetes_endpoint_accepts()
    {
        Server.AddCluster("c-1", "one");
        Server.AddCluster("c-new", activated: false);

        var config = await Client.Cluster.CreateClusterKubeconfigAsync("c-1");

        Assert.Equal(("internal", "internalCluster"), (config.CurrentContext, Assert.Single(config.Clusters!).Name));
        Assert.Equal(Server.Kubernetes.Url.ToString().TrimEnd('/'), config.Clusters![0].Cluster!.Server);
        using var certificate = X509Certificate2.CreateFromPem(Pem(config.Users![0].User!.ClientCertificateData), Pem(config.Users[0].User!.ClientKeyData));
        using var authority = X509Certificate2.CreateFromPem(Pem(config.Clusters[0].Cluster!.CertificateAuthorityData));
        using var handler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { ClientCertificates = [certificate], RemoteCertificateValidationCallback = (_, server, _, _) => TrustedBy(authority, server) } };
        using var http = new HttpClient(handler);
        var version = await http.GetStringAsync(new Uri(Server.Kubernetes.Url, "/version"));
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, version, StringComparison.Ordinal);
        Assert.StartsWith("CN=fleetgen-fake:c-1:", Server.Kubernetes.ClientSubjects[^1], StringComparison.Ordinal);
        Assert.Equal((400, UcsErrorCodes.ClusterUnavailable), await RefusedAsync(() => Client.Cluster.CreateClusterKubeconfigAsync("c-new")));
        Assert.Equal((404, UcsErrorCodes.ClusterNotFound), await RefusedAsync(() => Client.Cluster.CreateClusterKubeconfigAsync("c-nowhere")));
    }

    [Fact]
    public async Task An_attached_cluster_is_Initializing_until_activated_and_its_access_information_can_be_downloaded_once()
    {
        var uid = (await Client.Cluster.RegisterClusterAsync(Attached("eks-1"))).Uid!;

        Assert.Equal("Initializing", (await Client.Cluster.ShowClusterAsync(uid)).Status!.Phase);
        var manifests = await Client.Cluster.ShowClusterAccessInfoAsync(uid);
        var kinds = manifests.Select(m => JsonDocument.Parse(Convert.FromBase64String(m)).RootElement.GetProperty("kind").GetString());
        Assert.Equal(["Deployment", "Secret"], kinds);
        Assert.True((await Client.Cluster.ShowClusterAsync(uid)).Spec!.IsDownloadedCert);
        Assert.Equal(410, (await RefusedAsync(() => Client.Cluster.ShowClusterAccessInfoAsync(uid))).Status);
        Assert.Equal((400, UcsErrorCodes.ClusterUnavailable), await RefusedAsync(() => Client.Cluster.JoinGroupAsync(uid, new ClusterJoinGroupRequestBody { ClusterGroupID = FakeUcsServerOptions.DefaultFleet })));

        await Client.Cluster.RetryClusterActivationAsync(uid);

        Assert.Equal("Available", (await Client.Cluster.ShowClusterAsync(uid)).Status!.Phase);
        Assert.Equal("Available", Assert.Single(Server.Clusters).Status);
        Assert.NotNull(await Client.Cluster.CreateClusterKubeconfigAsync(uid));
    }

    [Fact]
    public async Task RegisterCluster_refuses_a_name_in_use_a_bad_kubeconfig_an_unknown_fleet_and_a_CCE_cluster_without_its_uid()
    {
        await Client.Cluster.RegisterClusterAsync(Attached("eks-1"));

        Assert.Equal((409, UcsErrorCodes.ClusterExists), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(Attached("eks-1"))));
        Assert.Equal((400, UcsErrorCodes.KubeconfigFormatError), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(Attached("eks-2", kubeconfig: "not a kubeconfig"))));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(Attached("eks-3", fleetId: "f-nowhere"))));
        Assert.Equal((400, UcsErrorCodes.RegisterCceClusterFailed), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(Cce("cce-1", uid: null))));
        var edge = Cce("edge-1", "57ef11e7");
        edge.Spec!.Category = "edge";
        Assert.Equal((400, UcsErrorCodes.CategoryNotSupported), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(edge)));
        Assert.Equal(["eks-1"], Server.Clusters.Select(c => c.Name));
    }

    [Fact]
    public async Task A_registered_CCE_cluster_is_Available_in_its_fleet_and_no_longer_listed_as_unimported()
    {
        const string documented = "57ef11e7-7d72-11ee-a590-0255ac100b05";
        var unimported = await Client.Cluster.ListManagedClustersAsync(unimported: true);
        Assert.Equal(documented, Assert.Single(unimported).Metadata!.Uid);

        var registered = Cce("cluster-test", documented);
        registered.Spec!.ClusterGroupID = FakeUcsServerOptions.DefaultFleet;
        registered.Spec.ManageType = RegisterClusterSpec_manageType.Grouped;
        var uid = (await Client.Cluster.RegisterClusterAsync(registered)).Uid!;

        Assert.Equal(("Available", FakeUcsServerOptions.DefaultFleet), ((await Client.Cluster.ShowClusterAsync(uid)).Status!.Phase, (await Client.Cluster.ShowClusterAsync(uid)).Spec!.ClusterGroupID));
        Assert.Equal([uid], (await Client.Fleet.ShowClusterGroupAsync(FakeUcsServerOptions.DefaultFleet)).Spec!.ClusterIds!);
        Assert.Empty(await Client.Cluster.ListManagedClustersAsync(unimported: true));
        Assert.Equal(documented, Assert.Single(await Client.Cluster.ListManagedClustersAsync()).Metadata!.Uid);
        Assert.Equal((409, UcsErrorCodes.ClusterExists), await RefusedAsync(() => Client.Cluster.RegisterClusterAsync(Cce("another-name", documented))));
        Assert.Equal((400, UcsErrorCodes.CategoryNotSupported), await RefusedAsync(() => Client.Cluster.RetryClusterActivationAsync(uid)));
        Assert.Equal((400, UcsErrorCodes.CategoryNotSupported), await RefusedAsync(() => Client.Cluster.ShowClusterAccessInfoAsync(uid)));
    }

    [Fact]
    public async Task Join_and_leave_are_mirrored_in_the_fleet_and_deregistering_takes_the_cluster_out_of_its_fleet()
    {
        Server.AddFleet("f-1", federationEnabled: false);
        Server.AddCluster("c-1");
        Server.AddCluster("c-2");
        var join = new ClusterJoinGroupRequestBody { ClusterGroupID = "f-1" };

        await Client.Cluster.JoinGroupAsync("c-1", join);
        await Client.Cluster.JoinGroupAsync("c-2", join);
        Assert.Equal(["c-1", "c-2"], (await Client.Fleet.ShowClusterGroupAsync("f-1")).Spec!.ClusterIds!);
        Assert.Equal((400, UcsErrorCodes.AssociateClusterFailed), await RefusedAsync(() => Client.Cluster.JoinGroupAsync("c-1", new ClusterJoinGroupRequestBody { ClusterGroupID = FakeUcsServerOptions.DefaultFleet })));
        Assert.Equal((404, UcsErrorCodes.ClusterGroupNotFound), await RefusedAsync(() => Client.Cluster.JoinGroupAsync("c-1", new ClusterJoinGroupRequestBody { ClusterGroupID = "f-nowhere" })));

        await Client.Cluster.LeaveGroupAsync("c-1");
        await Client.Cluster.DeleteClusterAsync("c-2");

        Assert.Empty((await Client.Fleet.ShowClusterGroupAsync("f-1")).Spec!.ClusterIds!);
        Assert.Equal((string.Empty, "discrete"), ((await Client.Cluster.ShowClusterAsync("c-1")).Spec!.ClusterGroupID, (await Client.Cluster.ShowClusterAsync("c-1")).Spec!.ManageType));
        Assert.Equal((400, UcsErrorCodes.AssociateClusterFailed), await RefusedAsync(() => Client.Cluster.LeaveGroupAsync("c-1")));
        Assert.Equal((404, UcsErrorCodes.ClusterNotFound), await RefusedAsync(() => Client.Cluster.DeleteClusterAsync("c-2")));
        Assert.Equal((404, UcsErrorCodes.ClusterNotFound), await RefusedAsync(() => Client.Cluster.LeaveGroupAsync("c-2")));
        Assert.Equal(["c-1"], Server.Clusters.Select(c => c.Id));
    }

    [Fact]
    public async Task UpdateCluster_and_UpdateClusterRules_are_stored_and_a_CCE_cluster_keeps_its_place()
    {
        var uid = (await Client.Cluster.RegisterClusterAsync(Attached("eks-1"))).Uid!;
        Server.AddCluster("c-cce");

        await Client.Cluster.UpdateClusterAsync(uid, new UpdateClusterRequestBody { Kind = UpdateClusterRequestBody_kind.Cluster, ApiVersion = UpdateClusterRequestBody_apiVersion.V1, Spec = new UpdateClusterSpec { Country = "AL", City = "AL" } });
        await Client.Cluster.UpdateClusterRulesAsync(uid, new UpdateAssociatedRulesRequestBody { RuleIDNamespaces = [new RuleIDNamespaces { RuleIDs = ["rule-1"], Namespaces = ["default"] }] });
        var spec = (await Client.Cluster.ShowClusterAsync(uid)).Spec!;

        Assert.Equal(("AL", "AL"), (spec.Country, spec.City));
        var rules = Assert.Single(spec.RuleNamespaces!);
        Assert.Equal(["rule-1"], rules.Rules!.Select(r => r.RuleID));
        Assert.Equal(["default"], rules.Namespaces!);
        Assert.Equal((400, UcsErrorCodes.CategoryNotSupported), await RefusedAsync(() => Client.Cluster.UpdateClusterAsync("c-cce", new UpdateClusterRequestBody { Kind = UpdateClusterRequestBody_kind.Cluster, ApiVersion = UpdateClusterRequestBody_apiVersion.V1, Spec = new UpdateClusterSpec { City = "AL" } })));
        Assert.Equal((404, UcsErrorCodes.ClusterNotFound), await RefusedAsync(() => Client.Cluster.UpdateClusterRulesAsync("c-nowhere", new UpdateAssociatedRulesRequestBody())));
    }

    [Fact]
    public async Task CreateClusterConf_answers_an_on_premises_cluster_s_installation_configuration_and_versions_are_listed()
    {
        Server.AddCluster("c-onprem", category: "onpremise", type: "privatek8s", activated: false);
        Server.AddCluster("c-cce");

        var configuration = await Client.Cluster.CreateClusterConfAsync("c-onprem", new RequiredInput { USERNAME = "root", MASTER1 = "1.1.1.1", NETWORKCIDR = "10.16.0.0/16" });
        var versions = await Client.Cluster.ListRegisteredClusterVersionsAsync();

        string? Text(string key) => configuration.AdditionalData[key] is UntypedString text ? text.GetValue() : configuration.AdditionalData[key] as string;
        Assert.Equal(("root", "1.1.1.1", "10.16.0.0/16", "c-onprem"), (Text("USERNAME"), Text("MASTER-1"), Text("NETWORK_CIDR"), Text("CLUSTER_ID")));
        Assert.Equal((400, UcsErrorCodes.CategoryNotSupported), await RefusedAsync(() => Client.Cluster.CreateClusterConfAsync("c-cce", new RequiredInput())));
        Assert.Contains("v1.25", versions.Versions!);
        Assert.Contains("v1.32", versions.Versions!);
    }

    [Fact]
    public async Task With_entries_named_after_the_owner_a_cluster_kubeconfig_is_named_after_the_cluster_and_the_Open_Telekom_Cloud_edition_answers_manifests_as_objects()
    {
        await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { NameEntriesAfterFleet = true, ModelVariant = FakeUcsModelVariant.OpenTelekomCloud });
        using var client = new FleetClient(server.ClientOptions());
        server.AddCluster("c-1", "edge-berlin");
        server.AddCluster("c-2", "eks-1", category: "attachedcluster", type: "eks", activated: false);

        var config = await client.Cluster.CreateClusterKubeconfigAsync("c-1");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "/v1/clusters/c-2/accessinfo")) { Headers = { { "X-Auth-Token", FakeUcsServerOptions.DefaultToken } } };
        using var response = await http.SendAsync(request);
        using var manifests = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(("edge-berlin", "edge-berlin-cluster", "edge-berlin-user"), (config.CurrentContext, config.Clusters![0].Name, config.Users![0].Name));
        Assert.Equal(["Deployment", "Secret"], manifests.RootElement.EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        using var agent = X509Certificate2.CreateFromPem(Pem(manifests.RootElement[1].GetProperty("data").GetProperty("proxy-agent.crt").GetString()));
        Assert.True(server.CertificateAuthority.IsIssuerOf(agent));
    }

    private static string Pem(string? base64) => Encoding.ASCII.GetString(Convert.FromBase64String(base64!));

    private static bool TrustedBy(X509Certificate2 authority, X509Certificate? server)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return server is not null && chain.Build(new X509Certificate2(server));
    }
}
