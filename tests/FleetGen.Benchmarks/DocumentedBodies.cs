using System.Text;
using System.Text.Json.Nodes;
using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Benchmarks;

/// <summary>
/// The documented request body of CreateFederationCert and an answer of the documented shape that passes FleetGen's
/// kubeconfig checks: a reachable-looking server URL, a certificate authority and a client certificate with its key made
/// at start-up, and entries already named as FleetGen names them (so every contestant returns the same kubeconfig).
/// </summary>
internal static class DocumentedBodies
{
    public const string FleetId = "fleet-1";

    public const string ProjectId = "08d44be1ef00d22e2f6fc0061f54a2f1";
    public const string VpcId = "11c9fe72-5a90-4295-bcfe-774726fb9066";
    public const string SubnetId = "0de91d89-1e06-4e24-b371-35d5d3d3779b";
    public const int Duration = 30;

    public static readonly byte[] Response = Answer();

    private static byte[] Answer()
    {
        using var authority = new FakeCertificateAuthority("FleetGen benchmark CA");
        using var client = authority.IssueClientCertificate("fleetgen-benchmark", TimeSpan.FromDays(Duration));
        var name = Kubeconfig.NameForFleet(FleetId);
        var answer = new JsonObject
        {
            ["kind"] = "Config",
            ["apiVersion"] = "v1",
            ["clusters"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["cluster"] = new JsonObject { ["server"] = "https://federation.fleet-1.example:5443", ["certificate-authority-data"] = authority.CertificateData },
            }),
            ["users"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["user"] = new JsonObject
                {
                    ["client-certificate-data"] = FakeCertificateAuthority.ToBase64Pem(client),
                    ["client-key-data"] = FakeCertificateAuthority.PrivateKeyToBase64Pem(client),
                },
            }),
            ["contexts"] = new JsonArray(new JsonObject { ["name"] = name, ["context"] = new JsonObject { ["cluster"] = name, ["user"] = name } }),
            ["current-context"] = name,
        };
        return Encoding.UTF8.GetBytes(answer.ToJsonString());
    }
}
