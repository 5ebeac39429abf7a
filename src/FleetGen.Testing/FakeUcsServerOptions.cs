namespace FleetGen.Testing;

/// <summary>What a <see cref="FakeUcsServer"/> accepts: tokens, AK/SK pairs, the clock and its skew window, the fleets it knows.</summary>
public sealed class FakeUcsServerOptions
{
    /// <summary>The token accepted by default.</summary>
    public const string DefaultToken = "fake-ucs-token";

    /// <summary>The access key accepted by default.</summary>
    public const string DefaultAccessKey = "FAKEUCSACCESSKEY";

    /// <summary>The secret key of <see cref="DefaultAccessKey"/>.</summary>
    public const string DefaultSecretKey = "fake-ucs-secret-key";

    /// <summary>The fleet with federation enabled that the server knows by default.</summary>
    public const string DefaultFleet = "fleet-demo";

    /// <summary>Tokens accepted in <c>X-Auth-Token</c>.</summary>
    public ISet<string> Tokens { get; } = new HashSet<string>(StringComparer.Ordinal) { DefaultToken };

    /// <summary>Access keys and their secret keys accepted for AK/SK signatures.</summary>
    public IDictionary<string, string> AccessKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { [DefaultAccessKey] = DefaultSecretKey };

    /// <summary>How far <c>X-Sdk-Date</c> may be from the server's clock. Default: 15 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Fleets with federation enabled; add others with <see cref="FakeUcsServer.AddFleet(string, bool)"/>.</summary>
    public ISet<string> Fleets { get; } = new HashSet<string>(StringComparer.Ordinal) { DefaultFleet };

    /// <summary>
    /// Whether kubeconfig answers name their cluster, user and context after the fleet (<c>&lt;fleet&gt;-federation</c>,
    /// <c>&lt;fleet&gt;-user</c>, <c>&lt;fleet&gt;</c>), or for CreateClusterKubeconfig after the cluster's name
    /// (<c>&lt;name&gt;-cluster</c>, <c>&lt;name&gt;-user</c>, <c>&lt;name&gt;</c>). Default: false, the fixed names of the
    /// documented example answers (<c>cluster-demo</c>, <c>user</c>, <c>demo</c>; for a cluster <c>internalCluster</c>,
    /// <c>user</c>, <c>internal</c>), the same for every fleet and every cluster.
    /// </summary>
    public bool NameEntriesAfterFleet { get; set; }

    /// <summary>How long each step of a federation job takes on <see cref="TimeProvider"/> (a CreateFederation job has four sub-jobs; the others one step). Default: 2 s.</summary>
    public TimeSpan FederationStepDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Which published reading of the models the answers follow; may be changed while the server runs. Default: <see cref="FakeUcsModelVariant.HuaweiCloud"/>.</summary>
    public FakeUcsModelVariant ModelVariant { get; set; } = FakeUcsModelVariant.HuaweiCloud;

    /// <summary>The region reported for VPC endpoints. Default: cn-north-4.</summary>
    public string Region { get; set; } = "cn-north-4";

    /// <summary>The server's clock, for signature dates, certificate validity and federation jobs. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The port on 127.0.0.1 the server listens on; 0 (the default) picks a free one. The <see cref="FakeUcsServer.Kubernetes"/> endpoint always gets a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Whether the server also answers its admin API under <c>/_fake/</c> (a path no UCS operation uses): add fleets,
    /// queue faults, read the state and the requests received, as JSON, without UCS authentication and without being
    /// recorded in <see cref="FakeUcsServer.Requests"/>. Default: false.
    /// </summary>
    public bool AdminApi { get; set; }
}
