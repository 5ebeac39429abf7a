namespace FleetGen.Client;

/// <summary>How <see cref="FleetClient.GetFederationKubeconfigAsync"/> gets a fleet's kubeconfig.</summary>
public enum FederationKubeconfigCall
{
    /// <summary>The fleet has a federation connection: DownloadFederationKubeconfig.</summary>
    Download,

    /// <summary>The fleet has none: CreateFederationCert, which creates the VPC endpoint (and needs the project, VPC and subnet).</summary>
    CreateConnection,
}
