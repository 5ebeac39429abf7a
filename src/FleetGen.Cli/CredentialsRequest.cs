namespace FleetGen.Cli;

/// <summary>What get-credentials was asked to do, after its options were checked.</summary>
/// <param name="Subject">The fleet (its federation) or the member cluster, as given.</param>
/// <param name="ExecOptions">With --exec: the options the plugin repeats after the subject's flag (connection, --duration).</param>
internal sealed record CredentialsRequest(
    KubeconfigSubject Subject,
    string? ProjectId,
    string? VpcId,
    string? SubnetId,
    int Duration,
    Uri Endpoint,
    bool AllowHttp,
    TimeSpan Timeout,
    OutputTarget Target,
    string? KubeconfigPath,
    string? ContextName,
    bool SetCurrentContext,
    bool OverwriteExisting,
    bool Json,
    IReadOnlyList<(string Flag, string? Value)>? ExecOptions,
    bool DryRun,
    ExecCommand? ExecCommand,
    bool Verbose = false);

/// <summary>Where the kubeconfig goes.</summary>
internal enum OutputTarget
{
    Merge,
    File,
    Stdout,
}

/// <summary>What get-credentials did, for the summary.</summary>
/// <param name="PreviousContext">The current context before a merge (<c>null</c> when there was none, or for --file and --stdout).</param>
internal sealed record CredentialsResult(string? Path, string Context, string? CurrentContext, string? Server, DateTimeOffset? CertificateExpiry, OutputTarget Target, IReadOnlyList<string> Warnings, string? CredentialCache, string? PreviousContext = null);
