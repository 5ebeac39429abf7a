using FleetGen.Client.Files;

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
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                if (TryOpen(lockPath) is { } stream)
                {
                    return new CacheFileLock(stream);
                }
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not FederationCredentialCacheException)
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

    /// <summary>
    /// Opens and locks the lock file without ever following a link: a missing one is created with O_CREAT|O_EXCL, which
    /// fails on any link, dangling or not; an existing one must be a regular file, and the handle opened is checked to be
    /// that same file. <c>null</c> when the file appeared or went between the look and the open (try again).
    /// </summary>
    private static FileStream? TryOpen(string lockPath)
    {
        if (!UnixFileSystem.IsSupported)
        {
            if (new FileInfo(lockPath).LinkTarget is not null)
            {
                throw NotARegularFile(lockPath);
            }

            return new FileStream(lockPath, Options(FileMode.OpenOrCreate));
        }

        var before = UnixFileSystem.LinkStatus(lockPath);
        if (before is { Kind: not UnixFileKind.Regular })
        {
            throw NotARegularFile(lockPath);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, Options(before is null ? FileMode.CreateNew : FileMode.Open));
        }
        catch (IOException) when (before is null && UnixFileSystem.LinkStatus(lockPath) is not null)
        {
            return null;
        }
        catch (FileNotFoundException) when (before is not null)
        {
            return null;
        }

        var opened = UnixFileSystem.Status(stream.SafeFileHandle);
        var now = UnixFileSystem.LinkStatus(lockPath);
        if (opened is not { } handle || now is not { Kind: UnixFileKind.Regular } path || (handle.Device, handle.Inode) != (path.Device, path.Inode))
        {
            stream.Dispose();
            throw NotARegularFile(lockPath);
        }

        return stream;
    }

    private static FileStreamOptions Options(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static FederationCredentialCacheException NotARegularFile(string lockPath) =>
        new($"the lock file {lockPath} is a link or not a regular file; it is never followed or replaced: remove it");

    public void Dispose() => stream.Dispose();
}
