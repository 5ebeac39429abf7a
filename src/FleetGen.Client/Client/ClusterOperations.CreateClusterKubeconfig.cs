using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

public partial class ClusterOperations
{
    /// <summary>
    /// CreateClusterKubeconfig's answer ends up in the user's kubeconfig: it is checked whole
    /// (<see cref="ClusterKubeconfigAnswer"/>).
    /// </summary>
    partial void OnCreateClusterKubeconfigAnswer(FleetAnswer<Kubeconfig> answer, string clusterId) =>
        answer.Value = ClusterKubeconfigAnswer.Checked(answer, clusterId, Engine.Time.GetUtcNow());
}
