namespace FleetGen.Client.KubeconfigFiles;

/// <summary>How <see cref="Models.Kubeconfig.MergeIntoAsync"/> merges a kubeconfig into an existing file.</summary>
public sealed record KubeconfigMergeOptions
{
    /// <summary>A name for the new context instead of the one the service chose (the new kubeconfig's current context).</summary>
    public string? ContextName { get; init; }

    /// <summary>Makes the new context the file's current context. Without it the current context changes only when the file had none.</summary>
    public bool SetCurrentContext { get; init; }

    /// <summary>How long to wait for another process that is changing the same file. Default: 10 seconds.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a merge wrote.</summary>
/// <param name="Path">The kubeconfig file that was written.</param>
/// <param name="Context">The name of the merged context.</param>
/// <param name="CurrentContext">The file's current context after the merge.</param>
public sealed record KubeconfigMergeResult(string Path, string Context, string? CurrentContext);
