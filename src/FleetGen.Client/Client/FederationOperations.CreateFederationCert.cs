using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class FederationOperations
{
    /// <summary>
    /// CreateFederationCert's answer ends up in the user's kubeconfig: it is checked whole
    /// (<see cref="FederationKubeconfigAnswer"/>) and its entries are named after the fleet.
    /// </summary>
    partial void OnCreateFederationCertAnswer(FleetAnswer<Kubeconfig> answer, string fleetId, CreateFederationCertRequestBody body) =>
        answer.Value = FederationKubeconfigAnswer.Checked(answer, fleetId, Engine.Time.GetUtcNow());
}
