using System.Text;
using System.Text.Json.Nodes;

namespace FleetGen.Testing.Server;

/// <summary>
/// The access information of an attached or on-premises cluster (ShowClusterAccessInfo): the proxy agent's Deployment
/// and the Secret with its certificate and key, issued by the fake's CA. The Open Telekom Cloud edition answers the
/// manifests as objects; the others as strings, each the base64 of a manifest's JSON, which both SDK readings take
/// (Go's []string, .NET's List&lt;byte[]&gt;).
/// </summary>
internal static class FakeAccessInfo
{
    private const string Namespace = "kube-system";

    public static JsonArray Manifests(FakeCluster cluster, FakeCertificateAuthority authority, FakeUcsModelVariant variant)
    {
        using var agent = authority.IssueClientCertificate($"fleetgen-fake:{cluster.Id}:proxy-agent", TimeSpan.FromDays(365));
        JsonObject[] manifests =
        [
            new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["metadata"] = new JsonObject { ["name"] = "proxy-agent", ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app"] = "proxy-agent" } },
                ["spec"] = new JsonObject { ["replicas"] = 2 },
            },
            new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject { ["name"] = "proxy-agent-cert", ["namespace"] = Namespace },
                ["type"] = "Opaque",
                ["data"] = new JsonObject
                {
                    ["ca.crt"] = authority.CertificateData,
                    ["proxy-agent.crt"] = FakeCertificateAuthority.ToBase64Pem(agent),
                    ["proxy-agent.key"] = FakeCertificateAuthority.PrivateKeyToBase64Pem(agent),
                },
            },
        ];
        return variant == FakeUcsModelVariant.OpenTelekomCloud
            ? new JsonArray([.. manifests])
            : new JsonArray([.. manifests.Select(m => (JsonNode)JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(m.ToJsonString()))))]);
    }
}
