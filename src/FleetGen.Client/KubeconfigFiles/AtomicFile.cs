namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Writes a file all at once: the bytes go to a temporary file in the same folder, which then replaces the target.
/// A failure or a cancellation leaves the target as it was and no temporary file behind. The new file is 0600; when
/// it replaces one, it takes that file's mode and owner first, so a rewrite never widens who may read it and a file
/// written by root for another user stays that user's. Kubeconfig files are a few kilobytes, so the write is synchronous.
/// </summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="target">The full path of the file to create or replace (symbolic links already resolved).</param>
    /// <param name="content">The whole new content.</param>
    /// <param name="replaced">What the replaced file was, to keep its mode and owner; <c>null</c> for a new file.</param>
    /// <param name="cancellationToken">Checked before the target is replaced.</param>
    public static void Write(string target, ReadOnlySpan<byte> content, KubeconfigFileTarget.Existing? replaced, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (replaced is { } previous && !OperatingSystem.IsWindows())
            {
                if (previous.Owner is { } owner && !UnixFileSystem.TryChangeOwner(temporary, owner.UserId, owner.GroupId))
                {
                    throw new UnauthorizedAccessException($"{target} is owned by user {owner.UserId}, and this process may not give the new file to that user");
                }

                File.SetUnixFileMode(temporary, previous.Mode);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
