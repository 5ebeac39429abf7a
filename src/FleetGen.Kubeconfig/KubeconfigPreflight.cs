namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// The checks a merge or a save makes, run before the call that creates the credentials, so that a local problem (a
/// folder or a device as the target, a read-only or unreadable file, a held lock, a name that would replace another
/// context's entries) stops everything before a VPC endpoint is made. The merge or save runs them again when it writes.
/// </summary>
public static class KubeconfigPreflight
{
    /// <summary>Checks that entries named <paramref name="entryName"/> (or <see cref="KubeconfigMergeOptions.ContextName"/>) can be merged into <paramref name="path"/> (default: the files of <see cref="KubeconfigPaths.FromEnvironment()"/>).</summary>
    /// <exception cref="KubeconfigException">With every problem found; nothing was written.</exception>
    public static Task CheckMergeAsync(string entryName, string? path = null, KubeconfigMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entryName);
        CheckName(options?.ContextName);
        return KubeconfigMerger.PlanAsync(entryName, path, options ?? new KubeconfigMergeOptions(), cancellationToken);
    }

    /// <summary>Checks that a standalone kubeconfig with entries named <paramref name="entryName"/> can be written to <paramref name="path"/>.</summary>
    /// <exception cref="KubeconfigException">With every problem found; nothing was written.</exception>
    public static Task CheckSaveAsync(string entryName, string path, KubeconfigSaveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entryName);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return StandaloneKubeconfigFile.CheckAsync(path, entryName, options ?? new KubeconfigSaveOptions(), cancellationToken);
    }

    internal static void CheckName(string? contextName)
    {
        if (contextName is not null && string.IsNullOrWhiteSpace(contextName))
        {
            throw new ArgumentException("ContextName: must not be blank.", nameof(contextName));
        }
    }
}
