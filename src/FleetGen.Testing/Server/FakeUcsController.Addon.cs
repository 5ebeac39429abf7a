using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Addon operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<AddonInstance>> CreateAddonInstance(AddonInstanceRequestBody body, string x_Auth_Token) =>
        NotModelled<AddonInstance>();

    public override Task<ActionResult<AddonInstanceList>> ListAddonInstances(string cluster_id, string x_Auth_Token, string addon_template_name, string is_database_status) =>
        NotModelled<AddonInstanceList>();

    public override Task<ActionResult<AddonInstance>> ShowAddonInstance(string id, string x_Auth_Token, string is_database_status, string cluster_id) =>
        NotModelled<AddonInstance>();

    public override Task<ActionResult<AddonInstance>> UpdateAddonInstance(AddonInstanceRequestBody body, string id, string x_Auth_Token) =>
        NotModelled<AddonInstance>();

    public override Task<ActionResult<string>> DeleteAddonInstance(string id, string x_Auth_Token, string cluster_id) =>
        NotModelled<string>();

    public override Task<ActionResult<AddonTemplateList>> ListAddonTemplates(string x_Auth_Token, string version, string newest, string cluster_id, string addon_template_name, string base_update_addon_version) =>
        NotModelled<AddonTemplateList>();
}
