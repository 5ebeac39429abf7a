namespace FleetGen.Cli;

/// <summary>What get-credentials was asked to do, after its options were checked.</summary>
internal sealed record CredentialsRequest(
    string FleetId,
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
    IReadOnlyList<string>? ExecArguments,
    bool DryRun);

/// <summary>Where the kubeconfig goes.</summary>
internal enum OutputTarget
{
    Merge,
    File,
    Stdout,
}

/// <summary>What get-credentials did, for the summary.</summary>
internal sealed record CredentialsResult(string? Path, string Context, string? CurrentContext, string? Server, DateTimeOffset? CertificateExpiry, OutputTarget Target, IReadOnlyList<string> Warnings, string? CredentialCache);
