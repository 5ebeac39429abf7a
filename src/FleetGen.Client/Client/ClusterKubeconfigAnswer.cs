using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

/// <summary>
/// The answer of CreateClusterKubeconfig, read as something that will end up in the user's kubeconfig, as the
/// federation's is (<see cref="FederationKubeconfigAnswer"/>): every kubeconfig rule is checked on the whole answer
/// (<see cref="KubeconfigValidator"/>) and its client certificates must not have expired. Anything else raises
/// <see cref="UcsApiException"/>: a half-usable kubeconfig is never returned. Its entries keep the names UCS gave them:
/// a member cluster's kubeconfig may carry several contexts (fleetgen keeps the current one, named after the cluster).
/// </summary>
internal static class ClusterKubeconfigAnswer
{
    public static Kubeconfig Checked(FleetAnswer<Kubeconfig> answer, string clusterId, DateTimeOffset now)
    {
        var problems = KubeconfigValidator.Problems(answer.Value);
        if (problems.Count > 0)
        {
            throw answer.Unusable($"the body is not a usable kubeconfig: {string.Join("; ", problems)}");
        }

        foreach (var user in answer.Value.Users ?? [])
        {
            if (PemText.FromBase64Field(user.User?.ClientCertificateData) is { } certificate && PemText.TryReadValidity(certificate, out var notBefore, out var notAfter) && now > notAfter)
            {
                throw answer.Unusable(
                    $"the client certificate of user \"{user.Name}\" for cluster {clusterId} has expired: valid from {FederationClientCredential.Rfc3339(notBefore)} to {FederationClientCredential.Rfc3339(notAfter)}");
            }
        }

        return answer.Value;
    }
}
