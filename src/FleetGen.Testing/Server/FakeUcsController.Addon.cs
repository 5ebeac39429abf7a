using System.Text.Json.Nodes;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Addon operations of the contract, on <see cref="FakeAddons"/>.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<AddonInstance>> CreateAddonInstance(AddonInstanceRequestBody body, string x_Auth_Token) =>
        body.Spec?.ClusterID is { Length: > 0 } clusterId && !ClusterKnown(clusterId)
            ? Refuse<AddonInstance>(FakeRefusal.ClusterNotFound(clusterId))
            : Reply(Platform.Addons.Create(body), 201);

    public override Task<ActionResult<AddonInstanceList>> ListAddonInstances(string cluster_id, string x_Auth_Token, string addon_template_name, string is_database_status) =>
        string.IsNullOrEmpty(cluster_id) ? Refuse<AddonInstanceList>(FakeRefusal.BadQuery("cluster_id", "is required"))
        : !ClusterKnown(cluster_id) ? Refuse<AddonInstanceList>(FakeRefusal.ClusterNotFound(cluster_id))
        : Reply<AddonInstanceList>(Platform.Addons.List(cluster_id, addon_template_name));

    public override Task<ActionResult<AddonInstance>> ShowAddonInstance(string id, string x_Auth_Token, string is_database_status, string cluster_id) =>
        Reply(Platform.Addons.Show(id, cluster_id));

    public override Task<ActionResult<AddonInstance>> UpdateAddonInstance(AddonInstanceRequestBody body, string id, string x_Auth_Token) =>
        Reply(Platform.Addons.Update(id, body));

    public override Task<ActionResult<string>> DeleteAddonInstance(string id, string x_Auth_Token, string cluster_id) =>
        Done<string>(Platform.Addons.Delete(id, cluster_id), JsonValue.Create(string.Empty));

    public override Task<ActionResult<AddonTemplateList>> ListAddonTemplates(string x_Auth_Token, string version, string newest, string cluster_id, string addon_template_name, string base_update_addon_version) =>
        cluster_id is { Length: > 0 } && !ClusterKnown(cluster_id)
            ? Refuse<AddonTemplateList>(FakeRefusal.ClusterNotFound(cluster_id))
            : Reply<AddonTemplateList>(Platform.Addons.Templates(addon_template_name, version, base_update_addon_version));
}
