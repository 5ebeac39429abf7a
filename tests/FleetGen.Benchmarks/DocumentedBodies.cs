using System.Text;

namespace FleetGen.Benchmarks;

/// <summary>The documented request and response bodies of CreateFederationCert, as the wire carries them.</summary>
internal static class DocumentedBodies
{
    public const string FleetId = "fleet-1";

    public static readonly byte[] Response = Encoding.UTF8.GetBytes("""
        {"kind":"Config","apiVersion":"v1","clusters":[{"name":"cluster-demo","cluster":{"server":"https://ip:port","certificate-authority-data":""}}],"users":[{"name":"user","user":{"client-certificate-data":"","client-key-data":"","token":""}}],"contexts":[{"name":"demo","context":{"cluster":"cluster-demo","user":"user"}}],"current-context":"demo"}
        """.Trim());

    public const string ProjectId = "08d44be1ef00d22e2f6fc0061f54a2f1";
    public const string VpcId = "11c9fe72-5a90-4295-bcfe-774726fb9066";
    public const string SubnetId = "0de91d89-1e06-4e24-b371-35d5d3d3779b";
    public const int Duration = 30;
}
