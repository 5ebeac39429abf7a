using System.Text.Json;
using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

/// <summary>
/// The answer of CreateFederationCert and DownloadFederationKubeconfig, read as something that will end up in the user's kubeconfig: its shape is checked
/// on the JSON as received (<see cref="FederationKubeconfigShape"/>), the model on every kubeconfig rule
/// (<see cref="KubeconfigValidator"/>), its client certificates must not have expired, and its entries are named after
/// the fleet (<see cref="Kubeconfig.NameForFleet"/>). Anything else raises <see cref="UcsApiException"/>: a half-usable
/// kubeconfig is never returned. A certificate not valid yet is kept and reported (<see cref="Kubeconfig.GetSecurityWarnings()"/>).
/// </summary>
internal static class FederationKubeconfigAnswer
{
    public static Kubeconfig Checked(FleetAnswer<Kubeconfig> answer, string fleetId, DateTimeOffset now)
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
        if (problems.Count > 0)
        {
            throw Unusable(string.Join("; ", problems));
        }

        foreach (var user in answer.Value.Users ?? [])
        {
            if (PemText.FromBase64Field(user.User?.ClientCertificateData) is { } certificate && PemText.TryReadValidity(certificate, out var notBefore, out var notAfter) && now > notAfter)
            {
                throw answer.Unusable(FederationClientCredential.Expired(fleetId, notBefore, notAfter));
            }
        }

        answer.Value.RenameEntries(Kubeconfig.NameForFleet(fleetId));
        return answer.Value;
    }
}
