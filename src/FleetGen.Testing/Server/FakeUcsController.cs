using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// The documented endpoint, on the controller base NSwag generated from the contract: its DataAnnotations validate
/// the body (400 UCS.00000012 through <see cref="FakeUcsServer"/>'s model state handling), then the fleet is looked up
/// and a kubeconfig with a freshly minted client certificate is returned.
/// </summary>
[ApiController]
internal sealed class FakeUcsController(FakeUcsState state) : UcsControllerBase
{
    public override Task<ActionResult<Kubeconfig>> CreateFederationCert(string x_Auth_Token, CreateFederationCertRequestBody body, string clustergroupid)
    {
        var fleetId = FleetIdAsSent() ?? clustergroupid;
        ActionResult<Kubeconfig> result = state.IsFederated(fleetId) switch
        {
            null => NotFound(UcsErrorResponses.Body(UcsErrorCodes.ClusterGroupNotFound, "ClusterGroup Not Found.")),
            false => BadRequest(UcsErrorResponses.Body(UcsErrorCodes.ClusterGroupNotFederated, "Cluster group has not been federalized.")),
            true => StatusCode(201, Mint(fleetId, body)),
        };
        return Task.FromResult(result);
    }

    /// <summary>The id decoded from the raw path: ASP.NET Core routing keeps <c>%2F</c> encoded in route values.</summary>
    private string? FleetIdAsSent() =>
        HttpContext.Items[typeof(FakeUcsRequest)] is FakeUcsRequest { RawTarget: var target } && target.Split('?')[0].Split('/') is [_, _, _, var segment, ..]
            ? Uri.UnescapeDataString(segment)
            : null;

    private Kubeconfig Mint(string fleetId, CreateFederationCertRequestBody body)
    {
        using var client = state.Authority.IssueClientCertificate($"fleetgen-fake:{body.ProjectID}", TimeSpan.FromDays(body.Duration));
        var afterFleet = state.Options.NameEntriesAfterFleet;
        var cluster = afterFleet ? $"{fleetId}-federation" : "cluster-demo";
        var user = afterFleet ? $"{fleetId}-user" : "user";
        var context = afterFleet ? fleetId : "demo";
        return new Kubeconfig
        {
            Kind = "Config",
            ApiVersion = "v1",
            Clusters = [new NamedCluster { Name = cluster, Cluster = new ClusterCert { Server = state.KubernetesUrl!.ToString().TrimEnd('/'), CertificateAuthorityData = state.Authority.CertificateData } }],
            Users = [new NamedAuthInfo { Name = user, User = new AuthInfo { ClientCertificateData = FakeCertificateAuthority.ToBase64Pem(client), ClientKeyData = FakeCertificateAuthority.PrivateKeyToBase64Pem(client) } }],
            Contexts = [new NamedContext { Name = context, Context = new Context { Cluster = cluster, User = user } }],
            CurrentContext = context,
        };
    }
}
