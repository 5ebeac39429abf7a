using FleetGen.Client.Credentials;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class ClusterOperations
{
    /// <summary>
    /// CreateClusterKubeconfig's answer ends up in the user's kubeconfig: it is checked as every kubeconfig answer is
    /// (<see cref="KubeconfigAnswer"/>: every kubeconfig rule on the whole answer, no expired client certificate). Its
    /// entries keep the names UCS gave them: a member cluster's kubeconfig may carry several contexts (fleetgen keeps
    /// the current one, named after the cluster).
    /// </summary>
    partial void OnCreateClusterKubeconfigAnswer(FleetAnswer<Kubeconfig> answer, string clusterId) =>
        answer.Value = KubeconfigAnswer.Usable(answer, Engine.Time.GetUtcNow(), (user, notBefore, notAfter) =>
            $"the client certificate of user \"{user.Name}\" for cluster {clusterId} has expired: valid from {FederationClientCredential.Rfc3339(notBefore)} to {FederationClientCredential.Rfc3339(notAfter)}");
}
