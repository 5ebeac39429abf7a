using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// The platform side of the seeds (add-ons, permissions, GitOps, policies): the contract's examples name one cluster
/// and fixed ids, so each operation gets that cluster and the entity with the example's id, made afresh, and whatever
/// an earlier test of the class left that would refuse the call (a name taken, the center or add-on already on) is
/// undone through the API first, so the tests pass in any order.
/// </summary>
internal static partial class OperationSeeds
{
    // Ids the contract's platform examples use.
    private const string ExampleCluster = "6b7f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string ExampleFleet = "fleetgen";
    private const string ExampleRule = "f6434332-60d6-11ed-a847-0255ac10003f";
    private const string ExampleAddon = "8f7e6d5c-4b3a-4291-8071-6a5b4c3d2e1f";
    private const string ExampleAddonTemplate = "kube-prometheus-stack";
    private const string ExampleRepo = "2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b";
    private const string ExampleRepoName = "guestbook-repo";
    private const string ExampleConfigSet = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
    private const string ExampleConfigSetName = "guestbook";
    private const string ExamplePolicyInstance = "0c9b8a7f-6e5d-4c3b-9a2f-1e0d9c8b7a6f";
    private const string ExamplePolicyJob = "7d6f1c2a-3b4c-4d5e-8f90-a1b2c3d4e5f6";
    private const string ExamplePolicyDefinition = "f1519ae2-adf8-11ed-9f9c-0255ac100186";

    /// <summary>Longer than any platform job or add-on change of the fake (four steps of two seconds at most).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    private static async Task PreparePlatformAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, string operationId, CancellationToken cancellationToken)
    {
        switch (operationId)
        {
            case "UpdateRule" or "DeleteRule":
                server.AddPermissionRuleWithUid(ExampleRule, "readers");
                break;
            case "ListAddonInstances" or "ListAddonTemplates" or "ListConfigSets" or "ListRepos" or "ShowGitopsStatistics" or "ShowGitOpsStatus":
                server.AddCluster(ExampleCluster);
                break;
            case "CreateAddonInstance":
                await ClusterWithoutExampleAddonAsync(server, client, clock, cancellationToken);
                break;
            case "ShowAddonInstance" or "UpdateAddonInstance" or "DeleteAddonInstance":
                await ClusterWithoutExampleAddonAsync(server, client, clock, cancellationToken);
                server.AddAddonInstance(ExampleAddon, ExampleCluster, ExampleAddonTemplate, "3.10.1");
                break;
            case "EnableGitOps":
                await GitOpsAsync(server, client, clock, installed: false, cancellationToken);
                break;
            case "DisableGitOps":
                await GitOpsAsync(server, client, clock, installed: true, cancellationToken);
                break;
            case "CreateRepo":
                await ClusterWithoutExampleRepoNameAsync(server, client, cancellationToken);
                break;
            case "UpdateRepo" or "DeleteRepo":
                await ClusterWithoutExampleRepoNameAsync(server, client, cancellationToken);
                server.AddRepo(ExampleRepo, ExampleCluster, "seeded-repo", "https://github.com/example/guestbook.git");
                break;
            case "CreateConfigSet":
                server.AddCluster(ExampleCluster);
                foreach (var taken in server.ConfigSets.Where(c => c.ClusterId == ExampleCluster && c.Namespace == "default" && c.Name == ExampleConfigSetName))
                {
                    await client.GitOps.DeleteConfigSetAsync(taken.Uid, cancellationToken);
                }

                break;
            case "ShowConfigSet" or "UpdateConfigSet" or "DeleteConfigSet":
                server.AddCluster(ExampleCluster);
                server.AddConfigSet(ExampleConfigSet, ExampleCluster, "seeded-configset", ExampleRepoName);
                break;
            case "EnableClusterGroupPolicy" or "DisableClusterGroupPolicy" or "CreateClusterGroupPolicyInstance" or "EnableClusterPolicy" or "DisableClusterPolicy" or "CreateClusterPolicyInstance":
                // Enabling needs the center off; disabling it and creating an instance need it on.
                await PolicyCenterAsync(server, client, clock, fleet: operationId.Contains("ClusterGroup", StringComparison.Ordinal), on: !operationId.StartsWith("Enable", StringComparison.Ordinal), cancellationToken);
                break;
            case "ShowPolicyInstance" or "UpdatePolicyInstance" or "DeletePolicyInstance" or "ShowPolicyJob":
                server.AddCluster(ExampleCluster);
                clock.Advance(Settle);
                server.AddPolicyInstance(ExamplePolicyInstance, ExampleCluster, ExamplePolicyDefinition, ExamplePolicyJob);
                break;
        }
    }

    /// <summary>The example cluster without an instance of the example's template (one per cluster): uninstalled, and the uninstallation over.</summary>
    private static async Task ClusterWithoutExampleAddonAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        server.AddCluster(ExampleCluster);
        foreach (var installed in server.AddonInstances.Where(a => a.ClusterId == ExampleCluster && a.Template == ExampleAddonTemplate))
        {
            await client.Addon.DeleteAddonInstanceAsync(installed.Uid, ExampleCluster, cancellationToken);
        }

        clock.Advance(Settle);
    }

    /// <summary>The example cluster without a source of the name the examples create or rename to (names are unique in a cluster).</summary>
    private static async Task ClusterWithoutExampleRepoNameAsync(FakeUcsServer server, FleetClient client, CancellationToken cancellationToken)
    {
        server.AddCluster(ExampleCluster);
        foreach (var taken in server.Repos.Where(r => r.ClusterId == ExampleCluster && r.Name == ExampleRepoName))
        {
            await client.GitOps.DeleteRepoAsync(taken.Uid, cancellationToken);
        }
    }

    /// <summary>The example cluster with the GitOps add-on installed, or without it, through the API and the clock.</summary>
    private static async Task GitOpsAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, bool installed, CancellationToken cancellationToken)
    {
        server.AddCluster(ExampleCluster);
        clock.Advance(Settle);
        var present = server.GitOpsAddons.Any(g => g.ClusterId == ExampleCluster);
        if (present == installed)
        {
            return;
        }

        await (installed ? client.GitOps.EnableGitOpsAsync(ExampleCluster, "true", cancellationToken) : client.GitOps.DisableGitOpsAsync(ExampleCluster, cancellationToken));
        clock.Advance(Settle);
    }

    /// <summary>The policy center on (or off) for the example fleet or cluster, through the API and the clock.</summary>
    private static async Task PolicyCenterAsync(FakeUcsServer server, FleetClient client, FakeTimeProvider clock, bool fleet, bool on, CancellationToken cancellationToken)
    {
        if (fleet)
        {
            server.AddFleet(ExampleFleet);
        }
        else
        {
            server.AddCluster(ExampleCluster);
        }

        clock.Advance(Settle);
        var target = fleet ? $"fleet/{ExampleFleet}" : $"cluster/{ExampleCluster}";
        if (server.PolicyCenters.Contains(target) == on)
        {
            return;
        }

        await ((fleet, on) switch
        {
            (true, true) => client.Policy.EnableClusterGroupPolicyAsync(ExampleFleet, cancellationToken: cancellationToken),
            (true, false) => client.Policy.DisableClusterGroupPolicyAsync(ExampleFleet, cancellationToken),
            (false, true) => client.Policy.EnableClusterPolicyAsync(ExampleCluster, cancellationToken: cancellationToken),
            (false, false) => client.Policy.DisableClusterPolicyAsync(ExampleCluster, cancellationToken),
        });
        clock.Advance(Settle);
    }
}
