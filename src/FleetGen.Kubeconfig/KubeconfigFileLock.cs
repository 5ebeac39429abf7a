namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Holds <c>&lt;kubeconfig&gt;.lock</c> while a kubeconfig is read, merged and written, the lock file kubectl itself
/// uses, so concurrent merges by FleetGen or by kubectl never lose each other's entries.
/// </summary>
internal sealed class KubeconfigFileLock : IAsyncDisposable
{
    private readonly FileStream stream;

    private KubeconfigFileLock(FileStream stream) => this.stream = stream;

    public static async Task<KubeconfigFileLock> AcquireAsync(string kubeconfigPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lockPath = Path.GetFullPath(kubeconfigPath) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new KubeconfigFileLock(new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // Another holder may have released the lock between the failed create and now, so the file's absence
                // proves nothing: only the deadline ends the attempts, and the next create tells.
                if (DateTime.UtcNow >= deadline)
                {
                    throw new KubeconfigException(
                        [File.Exists(lockPath)
                            ? $"the lock file {lockPath} has been held for {timeout.TotalSeconds:0} s; if no kubectl or fleetgen is using this kubeconfig, delete the lock file"
                            : $"the lock file {lockPath} could not be created for {timeout.TotalSeconds:0} s: {e.Message}"],
                        kubeconfigPath,
                        e);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
