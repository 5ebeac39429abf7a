using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Testing.Sample;

/// <summary>A team's own code: gives a developer access to a fleet's federation API server.</summary>
public sealed class FederationAccess(FleetClient ucs)
{
    /// <summary>Merges the fleet's federation kubeconfig into <paramref name="kubeconfigPath"/>; returns the new context, or null when federation is off.</summary>
    public async Task<string?> GrantAsync(string fleetId, string kubeconfigPath, CancellationToken cancellationToken = default)
    {
        var request = new CreateFederationCertRequestBody
        {
            ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1",
            VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066",
            SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b",
            Duration = 1,
        };
        try
        {
            var kubeconfig = await ucs.Federation.CreateFederationCertAsync(fleetId, request, cancellationToken);
            var merged = await kubeconfig.MergeIntoAsync(kubeconfigPath, new KubeconfigMergeOptions { ContextName = $"fed-{fleetId}" }, cancellationToken);
            return merged.Context;
        }
        catch (UcsApiException e) when (e.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
        {
            return null;
        }
    }
}
