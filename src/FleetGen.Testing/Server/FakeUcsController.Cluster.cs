using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// The Cluster operations of the contract: registered clusters (CCE clusters Available at once; attached and
/// on-premises clusters Initializing until activated), their fleet membership, access information (downloadable once)
/// and kubeconfigs for the fake's Kubernetes endpoint. An unknown cluster is 404 UCS.01030001.
/// </summary>
internal sealed partial class FakeUcsController
{
    private static readonly string[] Categories = [FakeCluster.SelfCategory, FakeCluster.AttachedCategory, FakeCluster.OnPremisesCategory];

    /// <summary>The documented example's versions, continued to the version of the fake's Kubernetes endpoint.</summary>
    private static readonly string[] RegisteredVersions = ["v1.19", "v1.20", "v1.21", "v1.22", "v1.23", "v1.24", "v1.25", "v1.26", "v1.27", "v1.28", "v1.29", "v1.30", "v1.31", FakeCluster.KubernetesVersion];

    /// <summary>When the documented CCE cluster of ListManagedClusters was made (its example's creationTimestamp).</summary>
    private static readonly DateTimeOffset DocumentedCceCreated = new(2023, 11, 7, 13, 34, 15, TimeSpan.Zero);

    public override Task<ActionResult<CreatedUid>> RegisterCluster(RegisterClusterRequestBody body, string x_Auth_Token) =>
        WithInventory<CreatedUid>(inventory =>
        {
            var (metadata, spec) = (body.Metadata, body.Spec);
            if (!Categories.Contains(spec.Category, StringComparer.Ordinal))
            {
                return Error(400, UcsErrorCodes.CategoryNotSupported, $"Cluster category not supported: \"{spec.Category}\" (the fake knows {string.Join(", ", Categories)}).");
            }

            if (inventory.Clusters().Any(c => c.Name == metadata.Name))
            {
                return Error(409, UcsErrorCodes.ClusterExists, $"The same cluster already exists: {metadata.Name}.");
            }

            var cceId = string.IsNullOrEmpty(metadata.Uid) ? metadata.UID : metadata.Uid;
            var annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>());
            switch (spec.Category)
            {
                case FakeCluster.SelfCategory when string.IsNullOrEmpty(cceId):
                    return Error(400, UcsErrorCodes.RegisterCceClusterFailed, "Register cce cluster error: metadata.uid, the CCE cluster's id (ListManagedClusters), is required.");
                case FakeCluster.SelfCategory when inventory.Clusters().Any(c => (c.CceId ?? c.Id) == cceId):
                    return Error(409, UcsErrorCodes.ClusterExists, $"The same cluster already exists: CCE cluster {cceId}.");
                case FakeCluster.AttachedCategory when !IsKubeconfig(annotations.GetValueOrDefault("kubeconfig")):
                    return KubeconfigFormatError();
            }

            FakeFleet? fleet = null;
            if (!string.IsNullOrEmpty(spec.ClusterGroupID))
            {
                fleet = inventory.Fleet(spec.ClusterGroupID);
                if (fleet is null)
                {
                    return FleetNotFound();
                }
            }
            else if (spec.ManageType == RegisterClusterSpecManageType.Grouped)
            {
                return Error(400, UcsErrorCodes.InvalidRequestBody, "Invalid request body: spec.clusterGroupID is required when spec.manageType is grouped.");
            }

            var cluster = new FakeCluster(Guid.NewGuid().ToString(), metadata.Name)
            {
                Category = spec.Category,
                Type = spec.Type,
                Provider = spec.Provider,
                Country = spec.Country,
                City = spec.City,
                Region = spec.Region ?? string.Empty,
                ProjectId = spec.ProjectID ?? string.Empty,
                CceId = spec.Category == FakeCluster.SelfCategory ? cceId : null,
                Labels = new Dictionary<string, string>(metadata.Labels ?? new Dictionary<string, string>()),
                Annotations = annotations,
                Created = inventory.Now,
                Updated = inventory.Now,
                Sequence = inventory.NextSequence(),
                Status = spec.Category == FakeCluster.SelfCategory ? FakeCluster.Available : FakeCluster.Initializing,
            };
            inventory.Add(cluster);
            if (fleet is not null)
            {
                inventory.Join(cluster, fleet);
            }

            return StatusCode(201, new CreatedUid { Uid = cluster.Id });
        });

    public override Task<ActionResult<ClusterList>> ShowClusterList(string x_Auth_Token, string category, bool? enablestatus, string clustergroupid, int? limit, int? offset, Order_by? order_by, Order? order, Managetype? managetype, IEnumerable<string> clusterids) =>
        WithInventory<ClusterList>(inventory =>
        {
            var ids = clusterids?.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            var matching = inventory.Clusters().Where(c =>
                (string.IsNullOrEmpty(category) || c.Category == category)
                && (string.IsNullOrEmpty(clustergroupid) || c.FleetId == clustergroupid)
                && (managetype switch { Managetype.Grouped => c.FleetId is not null, Managetype.Discrete => c.FleetId is null, _ => true })
                && (ids is not { Count: > 0 } || ids.Contains(c.Id)));
            var (clusters, total, refused) = FakePage.Of(matching, c => (c.Created, c.Updated, c.Sequence), limit, offset, order_by, order);
            return (ActionResult?)refused ?? Ok(new ClusterList { Items = [.. clusters.Select(c => FakeClusterAnswers.Cluster(c, state.KubernetesUrl!, withStatus: enablestatus != false))], Total = total });
        });

    public override Task<ActionResult<Cluster>> ShowCluster(string clusterid, string x_Auth_Token) =>
        WithCluster<Cluster>(clusterid, (_, cluster) => Ok(FakeClusterAnswers.Cluster(cluster, state.KubernetesUrl!, withStatus: true)));

    public override Task<ActionResult<object>> UpdateCluster(UpdateClusterRequestBody body, string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (inventory, cluster) =>
        {
            var kubeconfig = body.Metadata?.Annotations is JsonElement { ValueKind: JsonValueKind.Object } annotations && annotations.TryGetProperty("kubeconfig", out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
            if (cluster.IsSelf && (body.Spec?.Country is not null || body.Spec?.City is not null || kubeconfig is not null))
            {
                return Error(400, UcsErrorCodes.CategoryNotSupported, "Cluster category not supported: only an attached or on-premises cluster's country, city and kubeconfig can be changed.");
            }

            if (kubeconfig is not null && !IsKubeconfig(kubeconfig))
            {
                return KubeconfigFormatError();
            }

            cluster.Country = body.Spec?.Country ?? cluster.Country;
            cluster.City = body.Spec?.City ?? cluster.City;
            if (kubeconfig is not null)
            {
                cluster.Annotations["kubeconfig"] = kubeconfig;
            }

            cluster.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<string>> DeleteCluster(string clusterid, string x_Auth_Token) =>
        WithCluster<string>(clusterid, (inventory, cluster) =>
        {
            // Deregistering takes the cluster out of its fleet too: the contract documents no refusal for a member.
            inventory.Remove(cluster);
            return Json(200, JsonValue.Create(string.Empty));
        });

    public override Task<ActionResult<object>> JoinGroup(ClusterJoinGroupRequestBody body, string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (inventory, cluster) =>
        {
            if (inventory.Fleet(body.ClusterGroupID) is not { } fleet)
            {
                return FleetNotFound();
            }

            if (cluster.FleetId is { } other && other != fleet.Id)
            {
                return Error(400, UcsErrorCodes.AssociateClusterFailed, $"associate cluster with clustergroup error: the cluster is in fleet {other}; remove it first (LeaveGroup).");
            }

            if (!cluster.IsAvailable)
            {
                return ClusterUnavailable(cluster);
            }

            inventory.Join(cluster, fleet);
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> LeaveGroup(string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (_, cluster) =>
        {
            if (cluster.FleetId is null)
            {
                return Error(400, UcsErrorCodes.AssociateClusterFailed, "associate cluster with clustergroup error: the cluster is in no fleet.");
            }

            cluster.Leave();
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<object>> RetryClusterActivation(string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (inventory, cluster) =>
        {
            if (cluster.IsSelf)
            {
                return NotForCce("activation");
            }

            cluster.Status = FakeCluster.Available;
            cluster.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<ICollection<object>>> ShowClusterAccessInfo(string clusterid, string x_Auth_Token, string vpcendpoint, string region) =>
        WithCluster<ICollection<object>>(clusterid, (_, cluster) =>
        {
            if (cluster.IsSelf)
            {
                return NotForCce("access information");
            }

            if (cluster.AccessInfoDownloaded)
            {
                return Error(410, UcsErrorCodes.ResourceNotFound, "No requested resources found: the agent certificate of this cluster has been downloaded already (it can be once).");
            }

            cluster.AccessInfoDownloaded = true;
            return Json(200, FakeAccessInfo.Manifests(cluster, state.Authority, Variant));
        });

    public override Task<ActionResult<object>> CreateClusterConf(RequiredInput body, string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (_, cluster) =>
        {
            if (cluster.Category != FakeCluster.OnPremisesCategory)
            {
                return Error(400, UcsErrorCodes.CategoryNotSupported, $"Cluster category not supported: the installation configuration is for on-premises clusters ({FakeCluster.OnPremisesCategory}), not {cluster.Category}.");
            }

            var configuration = new JsonObject();
            foreach (var (key, input) in JsonSerializer.SerializeToNode(body)!.AsObject())
            {
                if (input is not null && key != nameof(body.AdditionalProperties))
                {
                    configuration[key] = input.DeepClone();
                }
            }

            configuration["CLUSTER_ID"] = cluster.Id;
            configuration["CLUSTER_NAME"] = cluster.Name;
            return Json(200, configuration);
        });

    public override Task<ActionResult<Kubeconfig>> CreateClusterKubeconfig(string clusterid, string x_Auth_Token) =>
        WithCluster<Kubeconfig>(clusterid, (_, cluster) => cluster.IsAvailable
            ? StatusCode(201, state.Options.NameEntriesAfterFleet
                ? Mint(cluster.Id, "kubeconfig", ClusterKubeconfigValidity, $"{cluster.Name}-cluster", $"{cluster.Name}-user", cluster.Name)
                : Mint(cluster.Id, "kubeconfig", ClusterKubeconfigValidity, "internalCluster", "user", "internal"))
            : ClusterUnavailable(cluster));

    public override Task<ActionResult<object>> UpdateClusterRules(UpdateAssociatedRulesRequestBody body, string clusterid, string x_Auth_Token) =>
        WithCluster<object>(clusterid, (inventory, cluster) =>
        {
            cluster.Rules = FakeRuleBinding.From(body);
            cluster.Updated = inventory.Now;
            return Json(200, new JsonObject());
        });

    public override Task<ActionResult<ICollection<Cluster>>> ListManagedClusters(string x_Auth_Token, bool? unimported, int? limit, int? offset) =>
        WithInventory<ICollection<Cluster>>(inventory =>
        {
            var registered = inventory.Clusters().Where(c => c.IsSelf).Select(c => (Id: c.CceId ?? c.Id, c.Name, c.Created, c.Sequence, Imported: true)).ToList();
            var managed = registered.Any(c => c.Id == FakeClusterAnswers.DocumentedCceCluster.Id)
                ? registered
                : [(FakeClusterAnswers.DocumentedCceCluster.Id, FakeClusterAnswers.DocumentedCceCluster.Name, DocumentedCceCreated, 0, Imported: false), .. registered];
            var (page, _, refused) = FakePage.Of(managed.Where(c => unimported is null || c.Imported != unimported), c => (c.Created, c.Created, c.Sequence), limit, offset, null, null);
            return (ActionResult?)refused ?? Ok(page.Select(c => FakeClusterAnswers.Managed(c.Id, c.Name, c.Created, state.KubernetesUrl!)).ToList());
        });

    public override Task<ActionResult<RegisteredClusterVersions>> ListRegisteredClusterVersions(string x_Auth_Token) =>
        Task.FromResult<ActionResult<RegisteredClusterVersions>>(Ok(new RegisteredClusterVersions { Versions = [.. RegisteredVersions] }));

    /// <summary>A year: no duration is asked for, and the contract does not say how long the credential lasts.</summary>
    private static TimeSpan ClusterKubeconfigValidity => TimeSpan.FromDays(365);

    /// <summary>The cluster's answer under the state's lock, or 404 UCS.01030001 for a cluster the server does not know.</summary>
    private Task<ActionResult<T>> WithCluster<T>(string clusterId, Func<FakeInventory, FakeCluster, ActionResult> act) =>
        WithInventory<T>(inventory => inventory.Cluster(clusterId) is { } cluster
            ? act(inventory, cluster)
            : Error(404, UcsErrorCodes.ClusterNotFound, "Cluster Not Found."));

    /// <summary>Whether an attached cluster's kubeconfig annotation holds a kubeconfig (JSON or YAML with clusters).</summary>
    private static bool IsKubeconfig(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject { } kubeconfig && kubeconfig["clusters"] is JsonArray;
        }
        catch (JsonException)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r'));
            return lines.Any(l => l.StartsWith("clusters:", StringComparison.Ordinal)) && lines.Any(l => l.StartsWith("apiVersion:", StringComparison.Ordinal));
        }
    }

    private static ContentResult KubeconfigFormatError() =>
        Error(400, UcsErrorCodes.KubeconfigFormatError, "Cluster kubeconfig format error: metadata.annotations.kubeconfig must hold the cluster's kubeconfig file.");

    private static ContentResult NotForCce(string what) =>
        Error(400, UcsErrorCodes.CategoryNotSupported, $"Cluster category not supported: a CCE cluster (category self) has no {what}; attached and on-premises clusters do.");

    private static ContentResult ClusterUnavailable(FakeCluster cluster) =>
        Error(400, UcsErrorCodes.ClusterUnavailable, $"Cluster status is unavailable, please fix cluster first: {cluster.Name} is {cluster.Status} (activate it with RetryClusterActivation).");
}
