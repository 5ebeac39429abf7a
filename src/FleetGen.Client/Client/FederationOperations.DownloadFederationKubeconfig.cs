using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class FederationOperations
{
    /// <summary>
    /// DownloadFederationKubeconfig's answer ends up in the user's kubeconfig like CreateFederationCert's: it is checked
    /// whole (<see cref="FederationKubeconfigAnswer"/>) and its entries are named after the fleet.
    /// </summary>
    partial void OnDownloadFederationKubeconfigAnswer(FleetAnswer<Kubeconfig> answer, string fleetId, DownloadFederationKubeconfigRequestBody body) =>
        answer.Value = FederationKubeconfigAnswer.Checked(answer, fleetId, Engine.Time.GetUtcNow());
}
