using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Testing.Sample;

/// <summary>A platform team's onboarding of a fleet: federation enabled when it is not, then its credentials merged.</summary>
public sealed class FleetOnboarding(FleetClient ucs, FederationWaitOptions wait)
{
    public async Task<string> OnboardAsync(string fleetId, string kubeconfigPath, IProgress<FederationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var fleet = await ucs.ShowClusterGroupAsync(fleetId, cancellationToken);
        if (fleet.GetFederationCondition() is null)
        {
            var enable = await ucs.StartEnableFederationAsync(fleetId, cancellationToken: cancellationToken);
            await enable.WaitForCompletionAsync(wait, progress, cancellationToken);
        }

        // Downloads when the fleet has a connection, creates one (once) when it has none.
        var kubeconfig = await ucs.GetFederationKubeconfigAsync(fleetId, duration: 7, projectId: "08d4...", vpcId: "11c9...", subnetId: "0de9...", cancellationToken: cancellationToken);
        var merged = await kubeconfig.MergeIntoAsync(kubeconfigPath, new KubeconfigMergeOptions { ContextName = $"fed-{fleetId}", OverwriteExisting = true }, cancellationToken);
        return merged.Context;
    }
}
