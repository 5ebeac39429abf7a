using System.Text.Json;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// The answer of CreateFederationCert and DownloadFederationKubeconfig, read as something that will end up in the user's kubeconfig: its shape is checked
/// on the JSON as received (<see cref="FederationKubeconfigShape"/>), the model on every kubeconfig rule
/// (<see cref="KubeconfigValidator"/>), and its entries are named after the fleet (<see cref="Kubeconfig.NameForFleet"/>).
/// Anything else raises <see cref="UcsApiException"/>: a half-usable kubeconfig is never returned.
/// </summary>
internal static class FederationKubeconfigAnswer
{
    public static Kubeconfig Checked(FleetAnswer<Kubeconfig> answer, string fleetId)
    {
        UcsApiException Unusable(string problem) => answer.Unusable($"the body is not a usable kubeconfig: {problem}");

        using (var document = JsonDocument.Parse(answer.Body))
        {
            if (FederationKubeconfigShape.Problems(document.RootElement) is { Count: > 0 } shape)
            {
                throw Unusable(string.Join("; ", shape));
            }
        }

        var problems = KubeconfigValidator.Problems(answer.Value);
        return problems.Count == 0 ? answer.Value.WithEntryNames(Kubeconfig.NameForFleet(fleetId)) : throw Unusable(string.Join("; ", problems));
    }
}
