using System.Text;
using FleetGen.Client.Files;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// A kubeconfig path as kubectl treats it when it writes: a symbolic link is written through (its final target is
/// replaced, the link stays), and only a regular file is ever replaced. Everything that can go wrong locally is found
/// by <see cref="Problems"/> before anything is sent or written: a folder, a device, FIFO or socket, a read-only file,
/// a file another user owns that this process cannot give back, an unreadable or oversized file, a folder that cannot
/// be written. The lock file is named after the path as given, as kubectl names it.
/// </summary>
internal sealed class KubeconfigFileTarget
{
    /// <summary>The largest existing kubeconfig read: anything larger is not a kubeconfig a person keeps.</summary>
    public const long MaxFileSize = 16 * 1024 * 1024;

    private KubeconfigFileTarget(string path, string writePath, Existing? current)
    {
        Path = path;
        WritePath = writePath;
        Current = current;
    }

    /// <summary>The path as given, made absolute: what messages show and what the lock file is named after.</summary>
    public string Path { get; }

    /// <summary>The file that is written: <see cref="Path"/> itself, or the final target of the symbolic link it is.</summary>
    public string WritePath { get; }

    /// <summary>What is at <see cref="WritePath"/> now; <c>null</c> when nothing is.</summary>
    public Existing? Current { get; }

    public bool Exists => Current is not null;

    /// <summary>The mode and owner of an existing file, kept when it is replaced.</summary>
    public sealed record Existing(UnixFileKind Kind, long Length, UnixFileMode Mode, UnixFileStatus? Owner, bool ReadOnly);

    public static KubeconfigFileTarget Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var writePath = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
        return new KubeconfigFileTarget(full, writePath, Inspect(writePath));
    }

    /// <summary>Everything that would stop a write to this file, each naming the file and the rule; empty when it can be written.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        var shown = WritePath == Path ? Path : $"{Path} (a link to {WritePath})";
        if (Current is { } current)
        {
            if (current.Kind == UnixFileKind.Directory)
            {
                problems.Add($"{shown} is a folder, not a file");
            }
            else if (current.Kind != UnixFileKind.Regular)
            {
                problems.Add($"{shown} is {Describe(current.Kind)}, not a regular file; it is never replaced (use --file or --stdout, or point KUBECONFIG at a file)");
            }
            else
            {
                if (current.ReadOnly || UnixFileSystem.CanWrite(WritePath) == false)
                {
                    problems.Add($"{shown} is read-only; kubectl would not change it either (make it writable first)");
                }

                if (current.Owner is { } owner && UnixFileSystem.EffectiveUserId is { } me && me != 0 && owner.UserId != me)
                {
                    problems.Add($"{shown} belongs to user {owner.UserId}; rewriting it would make it this user's (run as its owner)");
                }

                if (current.Length > MaxFileSize)
                {
                    problems.Add($"{shown} is {current.Length} bytes, larger than the {MaxFileSize} bytes a kubeconfig is read up to");
                }

                problems.AddRange(ReadProblem());
            }
        }
        else
        {
            problems.AddRange(FolderProblems(System.IO.Path.GetDirectoryName(WritePath)!));
        }

        return problems;
    }

    /// <summary>The file's text; empty when it does not exist. Call after <see cref="Problems"/> found none.</summary>
    public string ReadText()
    {
        if (!Exists)
        {
            return string.Empty;
        }

        using var stream = new FileStream(WritePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length > MaxFileSize)
        {
            throw new KubeconfigException([$"{Path} is larger than {MaxFileSize} bytes"], Path);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Write(string text, CancellationToken cancellationToken) => Write(text, reserved: null, cancellationToken);

    /// <param name="text">The whole new content.</param>
    /// <param name="reserved">A temporary file reserved beside <see cref="WritePath"/> (<see cref="KubeconfigSpaceReservation"/>), or <c>null</c>.</param>
    /// <param name="cancellationToken">Checked before the file is replaced.</param>
    public void Write(string text, string? reserved, CancellationToken cancellationToken) =>
        AtomicFile.Write(WritePath, Encoding.UTF8.GetBytes(text), Current is { } current ? new AtomicFile.Replaced(current.Mode, current.Owner) : null, reserved, cancellationToken);

    private IEnumerable<string> ReadProblem()
    {
        try
        {
            using var stream = new FileStream(WritePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"{Path} cannot be read: {e.Message}"];
        }
    }

    private static IEnumerable<string> FolderProblems(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return [$"{existing} is a file, so the folder {folder} cannot be created"];
            }

            existing = System.IO.Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return [];
            }
        }

        return UnixFileSystem.CanWrite(existing) == false ? [$"the folder {existing} cannot be written by this user"] : [];
    }

    private static Existing? Inspect(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return null;
        }

        var status = UnixFileSystem.Status(path);
        var kind = status?.Kind ?? (Directory.Exists(path) ? UnixFileKind.Directory : UnixFileKind.Regular);
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
        // Read-only means read-only for its owner (0444 is refused even for root, who could write it), not "not writable
        // by this process": root rewriting a user's 0644 kubeconfig under sudo is allowed, and keeps its owner.
        var readOnly = kind == UnixFileKind.Regular && (OperatingSystem.IsWindows() ? info.IsReadOnly : !mode.HasFlag(UnixFileMode.UserWrite));
        return new Existing(kind, kind == UnixFileKind.Regular ? info.Length : 0, mode, status, readOnly);
    }

    private static string Describe(UnixFileKind kind) => kind switch
    {
        UnixFileKind.CharacterDevice => "a character device",
        UnixFileKind.BlockDevice => "a block device",
        UnixFileKind.Fifo => "a FIFO (named pipe)",
        UnixFileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
