using System.Text.Json.Nodes;
using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// The documented operations, on the controller base NSwag generated from the contract: its DataAnnotations validate
/// bodies (400 UCS.00000012 through <see cref="FakeUcsMvc"/>'s model state handling), then the fleet's state decides:
/// the documented error codes in the wrong state, otherwise the operation acts and answers in the configured
/// <see cref="FakeUcsModelVariant"/>.
/// </summary>
[ApiController]
internal sealed partial class FakeUcsController(FakeUcsState state) : UcsControllerBase
{
    private FakeUcsModelVariant Variant => state.Options.ModelVariant;

    public override Task<ActionResult<ClusterGroup>> ShowClusterGroup(string clustergroupid, string x_Auth_Token) =>
        WithFleet<ClusterGroup>(clustergroupid, (inventory, fleet) => Json(200, FakeUcsAnswers.ClusterGroup(fleet, inventory.ClusterIdsOf(fleet.Id), inventory.Now, Variant)));

    public override Task<ActionResult<object>> EnableFederation(string clustergroupid, string x_Auth_Token, bool? retryjoinall) =>
        Answer<object>(clustergroupid, (fleet, now) =>
        {
            if (fleet.Federated || fleet.JobRunning(now))
            {
                return Error(400, UcsErrorCodes.ClusterGroupAlreadyFederated, "Cluster group has federalized.");
            }

            fleet.StartJob("CreateFederation", now, state.NextJobScript());
            return Json(201, new JsonObject());
        });

    public override Task<ActionResult<string>> DisableFederation(string clustergroupid, string x_Auth_Token) =>
        Answer<string>(clustergroupid, (fleet, now) =>
        {
            if (NotReady(fleet, now) is { } refused)
            {
                return refused;
            }

            fleet.StartJob("DeleteFederation", now, state.NextJobScript());
            return Variant switch
            {
                FakeUcsModelVariant.HuaweiCloud => new StatusCodeResult(200),
                FakeUcsModelVariant.OpenTelekomCloud => Json(200, JsonValue.Create(string.Empty)),
                _ => new ContentResult { StatusCode = 200, ContentType = "text/plain", Content = "success" },
            };
        });

    public override Task<ActionResult<Job>> ShowFederationProgress(string clustergroupid, string x_Auth_Token) =>
        Answer<Job>(clustergroupid, (fleet, now) => fleet.Job is { } job
            ? Json(200, FakeUcsAnswers.Job(fleet, job, now, Variant))
            : Error(404, UcsErrorCodes.ResourceNotFound, "No requested resources found."));

    public override Task<ActionResult<FederationJobAnswer>> UpgradeFederation(string clustergroupid, string x_Auth_Token, UpgradeFederationRequestBody body) =>
        Answer<FederationJobAnswer>(clustergroupid, (fleet, now) =>
        {
            if (NotReady(fleet, now) is { } refused)
            {
                return refused;
            }

            var offered = FakeFederationVersions.TargetsOf(fleet.Version);
            var target = string.IsNullOrEmpty(body?.TargetVersion) ? offered.FirstOrDefault() : body.TargetVersion;
            if (target is null || !offered.Contains(target))
            {
                var offers = offered.Count == 0 ? "none" : string.Join(", ", offered);
                return Error(400, UcsErrorCodes.FederationValidationFailed, $"Cluster group federation validate failed: {target ?? "an upgrade"} is not offered for {fleet.Version} (ListServerConfigs offers {offers}).");
            }

            var job = fleet.StartJob("UpgradeFederation", now, state.NextJobScript(), target);
            return Json(200, new JsonObject { ["jobId"] = job.Uid, ["message"] = "upgrade federation job created" });
        });

    public override Task<ActionResult<FederationJobAnswer>> RollbackFederation(string clustergroupid, string x_Auth_Token) =>
        Answer<FederationJobAnswer>(clustergroupid, (fleet, now) =>
        {
            if (NotReady(fleet, now) is { } refused)
            {
                return refused;
            }

            if (fleet.PreviousVersion is null)
            {
                return Error(400, UcsErrorCodes.FederationValidationFailed, "Cluster group federation validate failed: there is no version to roll back to.");
            }

            var job = fleet.StartJob("RollbackFederation", now, state.NextJobScript());
            return Variant switch
            {
                FakeUcsModelVariant.HuaweiCloud => Json(200, new JsonObject { ["jobId"] = job.Uid, ["message"] = "rollback federation job created" }),
                FakeUcsModelVariant.OpenTelekomCloud => Json(200, new JsonObject()),
                _ => new StatusCodeResult(200),
            };
        });

    public override Task<ActionResult<FederationConnection>> CreateFederationConnection(CreateFederationConnectionRequestBody body, string clustergroupid, string x_Auth_Token) =>
        Answer<FederationConnection>(clustergroupid, (fleet, _) => fleet.Federated
            ? StatusCode(201, new FederationConnection { Id = fleet.AddEndpoint(state.Options.Region).Id })
            : NotFederated());

    public override Task<ActionResult<Kubeconfig>> CreateFederationCert(CreateFederationCertRequestBody body, string clustergroupid, string x_Auth_Token) =>
        Answer<Kubeconfig>(FleetIdAsSent() ?? clustergroupid, (fleet, _) =>
        {
            if (!fleet.Federated)
            {
                return NotFederated();
            }

            fleet.AddEndpoint(state.Options.Region);
            return StatusCode(201, MintFederation(fleet.Id, body.ProjectID, body.Duration));
        });

    public override Task<ActionResult<Kubeconfig>> DownloadFederationKubeconfig(DownloadFederationKubeconfigRequestBody body, string clustergroupid, string x_Auth_Token) =>
        Answer<Kubeconfig>(clustergroupid, (fleet, _) => fleet switch
        {
            { Federated: false } => NotFederated(),
            { Endpoints.Count: 0 } => Error(404, UcsErrorCodes.ResourceNotFound, "No requested resources found: the fleet has no federation connection."),
            _ => StatusCode(201, MintFederation(fleet.Id, "download", body.Duration)),
        });

    /// <summary>The fleet's answer, or 404 UCS.01100005 for a fleet the server does not know.</summary>
    private Task<ActionResult<T>> Answer<T>(string fleetId, Func<FakeFleet, DateTimeOffset, ActionResult> act) =>
        Task.FromResult<ActionResult<T>>(state.WithFleet(fleetId, act) ?? FleetNotFound());

    /// <summary>Disable, upgrade and rollback need a federation and no job running.</summary>
    private ActionResult? NotReady(FakeFleet fleet, DateTimeOffset now) =>
        !fleet.Federated ? NotFederated()
        : fleet.JobRunning(now) ? Error(400, UcsErrorCodes.FederationValidationFailed, "Cluster group federation validate failed: a federation job is running.")
        : null;

    /// <summary>An operation of the contract whose behaviour the fake does not model yet: 501, so a test never mistakes it for an answer.</summary>
    private static Task<ActionResult<T>> NotModelled<T>() => Task.FromResult<ActionResult<T>>(NotModelledResult());

    private static ContentResult NotModelledResult() => Error(501, UcsErrorCodes.InternalError, "Not modelled by the fake.");

    private static ContentResult NotFederated() => Error(400, UcsErrorCodes.ClusterGroupNotFederated, "Cluster group has not been federalized.");

    private static ContentResult Error(int status, string code, string message) => UcsErrorResponses.Result(status, code, message);

    private static ContentResult Json(int status, JsonNode answer) =>
        new() { StatusCode = status, ContentType = "application/json", Content = answer.ToJsonString() };

    /// <summary>The id decoded from the raw path: ASP.NET Core routing keeps <c>%2F</c> encoded in route values.</summary>
    private string? FleetIdAsSent() =>
        HttpContext.Items[typeof(FakeUcsRequest)] is FakeUcsRequest { RawTarget: var target } && target.Split('?')[0].Split('/') is [_, _, _, var segment, ..]
            ? Uri.UnescapeDataString(segment)
            : null;

    /// <summary>A federation kubeconfig: entries named after the fleet, or as in the documented example (cluster-demo, user, demo).</summary>
    private Kubeconfig MintFederation(string fleetId, string subject, int duration) => state.Options.NameEntriesAfterFleet
        ? Mint(fleetId, subject, TimeSpan.FromDays(duration), $"{fleetId}-federation", $"{fleetId}-user", fleetId)
        : Mint(fleetId, subject, TimeSpan.FromDays(duration), "cluster-demo", "user", "demo");

    /// <summary>
    /// A kubeconfig for the fake's Kubernetes endpoint with a client certificate of its CA (subject
    /// <c>fleetgen-fake:&lt;owner&gt;:&lt;subject&gt;</c>), valid for <paramref name="validity"/> unless the server overrides it.
    /// </summary>
    private Kubeconfig Mint(string owner, string subject, TimeSpan validity, string cluster, string user, string context)
    {
        using var client = state.Authority.IssueClientCertificate($"fleetgen-fake:{owner}:{subject}", state.ClientCertificateValidity ?? validity);
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
