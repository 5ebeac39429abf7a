namespace FleetGen.Client.Files;

/// <summary>
/// Writes a file all at once: the bytes go to a temporary file in the same folder, which then replaces the target.
/// A failure or a cancellation leaves the target as it was and no temporary file behind. The new file is 0600; when
/// it replaces one, it takes that file's mode and owner first, so a rewrite never widens who may read it and a file
/// written by root for another user stays that user's. Kubeconfig files are a few kilobytes, so the write is synchronous.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The mode and owner of the file a write replaces, which the new file takes.</summary>
    public readonly record struct Replaced(UnixFileMode Mode, UnixFileStatus? Owner);

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string target, ReadOnlySpan<byte> content, Replaced? replaced, CancellationToken cancellationToken) =>
        Write(target, content, replaced, reserved: null, cancellationToken);

    /// <param name="target">The full path of the file to create or replace (symbolic links already resolved).</param>
    /// <param name="content">The whole new content.</param>
    /// <param name="replaced">What the replaced file was, to keep its mode and owner; <c>null</c> for a new file.</param>
    /// <param name="reserved">A temporary file made by <see cref="CreateReserved"/> beside the target, to write through; <c>null</c> to make one now.</param>
    /// <param name="cancellationToken">Checked before the target is replaced.</param>
    public static void Write(string target, ReadOnlySpan<byte> content, Replaced? replaced, string? reserved, CancellationToken cancellationToken)
    {
        var temporary = reserved;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            temporary ??= CreateReserved(target, 0);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                // Written over the blocks allocated when the file was reserved, then cut to the content's length.
                stream.Write(content);
                stream.SetLength(content.Length);
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
            if (temporary is not null)
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    /// <summary>
    /// A new empty temporary file (0600) in the target's folder, made when missing, with <paramref name="size"/> bytes
    /// of disk allocated to it; throws <see cref="IOException"/> when the disk has not that much space.
    /// </summary>
    public static string CreateReserved(string target, long size)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, PreallocationSize = size };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (new FileStream(temporary, options))
        {
        }

        return temporary;
    }
}
