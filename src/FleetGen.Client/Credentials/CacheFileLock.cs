namespace FleetGen.Client.Credentials;

/// <summary>
/// An exclusive lock on a lock file beside a cache file, held while a credential is renewed. It is the kernel's
/// advisory lock that .NET takes for <see cref="FileShare.None"/> (flock on Unix), so a process that dies releases it:
/// a crashed renewal never blocks the kubectl commands after it. The lock file itself stays.
/// </summary>
internal sealed class CacheFileLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);
    private readonly FileStream stream;

    private CacheFileLock(FileStream stream) => this.stream = stream;

    /// <param name="lockPath">The lock file; created 0600 when missing.</param>
    /// <param name="timeout">How long to wait for another holder.</param>
    /// <param name="time">The clock of the wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="work">What a holder is doing, for the message when the wait runs out.</param>
    public static async Task<CacheFileLock> AcquireAsync(string lockPath, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, string work = "renewing the same credential")
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new CacheFileLock(new FileStream(lockPath, options));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new FederationCredentialCacheException($"another process has held {lockPath} for {timeout.TotalSeconds:0} s while {work}", e);
                }

                await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new FederationCredentialCacheException($"cannot open the lock file {lockPath}: {e.Message}", e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
