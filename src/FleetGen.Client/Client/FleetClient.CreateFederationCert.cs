using FleetGen.Client.Models;

namespace FleetGen.Client;

public partial class FleetClient
{
    /// <summary>
    /// CreateFederationCert's answer ends up in the user's kubeconfig: it is checked whole
    /// (<see cref="FederationKubeconfigAnswer"/>) and its entries are named after the fleet.
    /// </summary>
    partial void OnCreateFederationCertAnswer(FleetAnswer<Kubeconfig> answer, string fleetId, CreateFederationCertRequestBody body) =>
        answer.Value = FederationKubeconfigAnswer.Checked(answer, fleetId, Time.GetUtcNow());
}
