using System.Text.Json;
using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

/// <summary>
/// The answer of CreateFederationCert and DownloadFederationKubeconfig, read as something that will end up in the user's kubeconfig: its shape is checked
/// on the JSON as received (<see cref="FederationKubeconfigShape"/>), the model as every kubeconfig answer is
/// (<see cref="KubeconfigAnswer"/>: every kubeconfig rule, no expired client certificate), and its entries are named
/// after the fleet (<see cref="Kubeconfig.NameForFleet"/>). Anything else raises <see cref="UcsApiException"/>: a half-usable
/// kubeconfig is never returned. A certificate not valid yet is kept and reported (<see cref="Kubeconfig.GetSecurityWarnings()"/>).
/// </summary>
internal static class FederationKubeconfigAnswer
{
    public static Kubeconfig Checked(FleetAnswer<Kubeconfig> answer, string fleetId, DateTimeOffset now)
    {
        using (var document = JsonDocument.Parse(answer.Body))
        {
            if (FederationKubeconfigShape.Problems(document.RootElement) is { Count: > 0 } shape)
            {
                throw answer.Unusable($"the body is not a usable kubeconfig: {string.Join("; ", shape)}");
            }
        }

        var usable = KubeconfigAnswer.Usable(answer, now, (_, notBefore, notAfter) => FederationClientCredential.Expired(fleetId, notBefore, notAfter));
        usable.RenameEntries(Kubeconfig.NameForFleet(fleetId));
        return usable;
    }
}
