using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>What get-credentials and the credential plugin fetch a kubeconfig for: a fleet's federation (--fleet) or a member cluster (--cluster).</summary>
/// <param name="IsCluster">Whether it is a member cluster.</param>
/// <param name="Given">The id or name the user gave.</param>
internal sealed record KubeconfigSubject(bool IsCluster, string Given)
{
    public string Flag => IsCluster ? "--cluster" : "--fleet";
}

/// <summary>
/// A resolved <see cref="KubeconfigSubject"/>: where its kubeconfig comes from, what its entries and credential cache
/// file are called, and what a dry run says. The merge, plan, trust checks, cache and exec plugin around it are the same
/// for both (<see cref="CredentialsFetcher"/>).
/// </summary>
internal abstract class KubeconfigSource(UcsReference reference)
{
    public UcsReference Reference { get; } = reference;

    /// <summary>The flag that names it, repeated in the exec plugin's arguments.</summary>
    public abstract string Flag { get; }

    /// <summary>The name of its cluster, user and context unless --context names them.</summary>
    public abstract string EntryName { get; }

    /// <summary>Its file in the credential cache (one cache: a cluster's key cannot be a fleet id).</summary>
    public abstract string CacheKey { get; }

    /// <summary>What the progress line says while the kubeconfig is requested.</summary>
    public abstract string Requesting { get; }

    public static async Task<KubeconfigSource> ResolveAsync(KubeconfigSubject subject, FleetClient client, CancellationToken cancellationToken) =>
        subject.IsCluster
            ? new ClusterSource(await UcsReferences.ClusterAsync(client, subject.Given, cancellationToken).ConfigureAwait(false))
            : new FederationSource(await UcsReferences.FleetAsync(client, subject.Given, cancellationToken).ConfigureAwait(false));

    /// <summary>For a dry run: reads what it must (and nothing that creates) and names the call that would fetch the kubeconfig, with a sentence for people.</summary>
    public abstract Task<(string Call, string Sentence)> PlanAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken);

    /// <summary>The kubeconfig, checked: a kubeconfig UCS sends that is not usable is an API error, never written.</summary>
    public abstract Task<Kubeconfig> FetchAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken);

    public static string CacheKeyOf(KubeconfigSubject subject, string id) => subject.IsCluster ? ClusterSource.CacheKeyFor(id) : id;

    /// <summary>The fleet's federation kubeconfig: downloaded, or created with its VPC endpoint (FleetClient.GetFederationKubeconfigAsync).</summary>
    private sealed class FederationSource(UcsReference fleet) : KubeconfigSource(fleet)
    {
        public override string Flag => "--fleet";

        public override string EntryName => Kubeconfig.NameForFleet(Reference.Id);

        public override string CacheKey => Reference.Id;

        public override string Requesting => $"Requesting the federation kubeconfig of fleet {Reference}...";

        public override async Task<(string Call, string Sentence)> PlanAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken)
        {
            var call = await client.PlanFederationKubeconfigAsync(Reference.Id, request.Duration, request.ProjectId, request.VpcId, request.SubnetId, cancellationToken).ConfigureAwait(false);
            if (call == FederationKubeconfigCall.CreateConnection && request.ProjectId is null)
            {
                throw NoConnection();
            }

            return call == FederationKubeconfigCall.Download
                ? ("DownloadFederationKubeconfig", $"Fleet {Reference} has a federation connection: its kubeconfig would be downloaded (DownloadFederationKubeconfig).")
                : ("CreateFederationCert", $"Fleet {Reference} has no federation connection: the VPC endpoint would be created with the kubeconfig (CreateFederationCert).");
        }

        public override async Task<Kubeconfig> FetchAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken)
        {
            try
            {
                return await client.GetFederationKubeconfigAsync(Reference.Id, request.Duration, request.ProjectId, request.VpcId, request.SubnetId, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (e.ParamName == "projectId")
            {
                throw NoConnection();
            }
        }

        private CliException NoConnection() =>
            new(ExitCodes.Usage, $"fleet {SafeText.OneLine(Reference.ToString())} has no federation connection yet: pass --project-id, --vpc-id and --subnet-id to create one. Nothing was created.");
    }

    /// <summary>A member cluster's kubeconfig (CreateClusterKubeconfig), reduced to its current context and named after the cluster.</summary>
    private sealed class ClusterSource(UcsReference cluster) : KubeconfigSource(cluster)
    {
        public override string Flag => "--cluster";

        public override string EntryName => EntryNameFor(Reference.Id);

        public override string CacheKey => CacheKeyFor(Reference.Id);

        public override string Requesting => $"Requesting the kubeconfig of cluster {Reference}...";

        public static string CacheKeyFor(string clusterId) => $"cluster-{clusterId}";

        private static string EntryNameFor(string clusterId) => $"ucs-cluster-{clusterId}";

        public override async Task<(string Call, string Sentence)> PlanAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken)
        {
            var cluster = await client.Cluster.ShowClusterAsync(Reference.Id, cancellationToken).ConfigureAwait(false);
            return ("CreateClusterKubeconfig", $"Cluster {Reference} ({cluster.Status?.Phase ?? "phase unknown"}): its kubeconfig would be requested (CreateClusterKubeconfig).");
        }

        public override async Task<Kubeconfig> FetchAsync(FleetClient client, CredentialsRequest request, CancellationToken cancellationToken) =>
            await FetchAsync(client, Reference, cancellationToken).ConfigureAwait(false);

        /// <summary>Also the credential plugin's renewal.</summary>
        public static async Task<Kubeconfig> FetchAsync(FleetClient client, UcsReference cluster, CancellationToken cancellationToken)
        {
            var answer = await client.Cluster.CreateClusterKubeconfigAsync(cluster.Id, cancellationToken).ConfigureAwait(false);
            return ClusterKubeconfigCheck.Checked(answer, cluster, EntryNameFor(cluster.Id));
        }
    }

    /// <summary>The credential plugin's renewal of a member cluster's certificate.</summary>
    public static Task<Kubeconfig> FetchClusterAsync(FleetClient client, UcsReference cluster, CancellationToken cancellationToken) =>
        ClusterSource.FetchAsync(client, cluster, cancellationToken);
}
