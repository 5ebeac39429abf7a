using FleetGen.Client.Models;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// What the fake must hold before an operation's example can succeed: a fleet for every call that names one, and the
/// state some federation operations need, reached through the operations that make it (and the fake's clock, moved
/// past the end of their jobs). Extend it as the fake learns to be seeded with more (clusters, rules,
/// policy instances…).
/// </summary>
internal static class OperationSeeds
{
    public static async Task PrepareAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, OperationCall call, CancellationToken cancellationToken)
    {
        if (!call.PathValues.TryGetValue("clustergroupid", out var fleet))
        {
            return;
        }

        switch (call.OperationId)
        {
            case "EnableFederation":
                server.AddFleet(fleet, federationEnabled: false);
                break;
            case "ShowFederationProgress":
                server.AddFleet(fleet, federationEnabled: false);
                await client.Federation.EnableFederationAsync(fleet, cancellationToken: cancellationToken);
                break;
            case "RollbackFederation":
                server.AddFleet(fleet);
                await client.Federation.UpgradeFederationAsync(fleet, new UpgradeFederationRequestBody { TargetVersion = "v1.4.0" }, cancellationToken);
                clock.Advance(TimeSpan.FromMinutes(1));
                break;
            case "DownloadFederationKubeconfig":
                server.AddFleet(fleet);
                var network = new CreateFederationConnectionRequestBody { ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1", VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066", SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b" };
                await client.Federation.CreateFederationConnectionAsync(fleet, network, cancellationToken);
                break;
            default:
                server.AddFleet(fleet);
                break;
        }
    }
}
