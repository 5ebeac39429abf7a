namespace FleetGen.Client.KubeconfigFiles;

/// <summary>How <see cref="KubeconfigFileExtensions.extension(Models.Kubeconfig).MergeIntoAsync"/> merges a kubeconfig into existing files.</summary>
public sealed record KubeconfigMergeOptions
{
    /// <summary>
    /// A name for the merged cluster, user and context (all three take it) instead of the names the kubeconfig has
    /// (<see cref="Models.Kubeconfig.NameForFleet"/> for one from <see cref="FederationOperations.CreateFederationCertAsync"/>).
    /// </summary>
    public string? ContextName { get; init; }

    /// <summary>Makes the new context the current context. Without it the current context changes only when no file had one.</summary>
    public bool SetCurrentContext { get; init; }

    /// <summary>
    /// Replaces entries of the same names even when another context uses the cluster or user, or the context of that
    /// name points to another cluster or user. Without it such a merge is refused with <see cref="KubeconfigException"/>
    /// and nothing is written; replacing the previous copy of the same entries is always allowed.
    /// </summary>
    public bool OverwriteExisting { get; init; }

    /// <summary>How long to wait for another process that is changing the same file. Default: 10 seconds.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>How <see cref="KubeconfigFileExtensions.extension(Models.Kubeconfig).SaveAsync"/> writes a standalone kubeconfig file.</summary>
public sealed record KubeconfigSaveOptions
{
    /// <summary>
    /// Replaces any existing kubeconfig. Without it an existing file is replaced only when it is empty or a kubeconfig
    /// holding nothing but entries of the same names (an earlier copy of the same credentials); anything else, a full
    /// kubeconfig or a file that is not a kubeconfig, is refused with <see cref="KubeconfigException"/>.
    /// </summary>
    public bool OverwriteExisting { get; init; }

    /// <summary>How long to wait for another process that is changing the same file. Default: 10 seconds.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a merge wrote.</summary>
/// <param name="Path">The kubeconfig file that holds the merged context.</param>
/// <param name="Context">The name of the merged context.</param>
/// <param name="CurrentContext">The current context after the merge.</param>
public sealed record KubeconfigMergeResult(string Path, string Context, string? CurrentContext);
