using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetGen.ReadmeSamples;

/// <summary>
/// The names a README sample may use without declaring them, as the surrounding text introduces them: a client of the
/// fake server, a fleet, a request, a service collection and a configuration whose sections point at the fake. The
/// sample sees them through <c>using static</c> (a local of the same name shadows one), so they are static, set once
/// by this one-sample process before the sample runs.
/// </summary>
#pragma warning disable CA2211, SA1307, SA1401, IDE1006 // names as the README's text uses them
public static class SampleGlobals
{
    public static Uri SampleEndpoint = null!;

    public static string fleetId = "fleet-demo";

    public static FleetClient client = null!;

    public static CreateFederationCertRequestBody request = new()
    {
        ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1",
        VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066",
        SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b",
        Duration = 30,
    };

    public static Kubeconfig? kubeconfig;

    public static IServiceCollection services = new ServiceCollection();

    public static IConfiguration configuration = null!;

    public static void PointAt(Uri endpoint)
    {
        SampleEndpoint = endpoint;
        client = new FleetClient(new FleetClientOptions { Endpoint = endpoint, AllowHttp = true, Credentials = FleetCredentials.FromEnvironment() });
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ucs:Endpoint"] = endpoint.ToString(),
            ["Ucs:AllowHttp"] = "true",
            ["UcsIntl:Endpoint"] = endpoint.ToString(),
            ["UcsIntl:AllowHttp"] = "true",
        }).Build();
    }
}
#pragma warning restore CA2211, SA1307, SA1401, IDE1006
