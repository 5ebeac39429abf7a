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
            catch (IOException) when (File.Exists(lockPath))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new KubeconfigException(
                        [$"the lock file {lockPath} has been held for {timeout.TotalSeconds:0} s; if no kubectl or fleetgen is using this kubeconfig, delete the lock file"],
                        kubeconfigPath);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
