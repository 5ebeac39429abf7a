using FleetGen.Client.Files;

namespace FleetGen.Client.Credentials;

/// <summary>
/// The rule for the path of the cache folder, checked before the folder is created, changed or written: every entry on
/// it, from <c>/</c> down, links included (read with lstat, never followed unless they pass), is owned by this user or
/// root, and no folder on it is writable by group or others unless it is sticky (as <c>/tmp</c> is). Then nobody else
/// can swap a folder or a link on the path for one of theirs. Linux only; elsewhere nothing is checked.
/// </summary>
internal static class CachePathTrust
{
    private const int MaxLinks = 40;
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Checks the entries of <paramref name="directory"/> (a full path) that exist; the missing ones are left for the caller to create.</summary>
    /// <exception cref="FederationCredentialCacheException">An entry breaks the rule; the message names it and the rule.</exception>
    public static void Check(string directory)
    {
        if (!UnixFileSystem.IsSupported || UnixFileSystem.EffectiveUserId is not { } user)
        {
            return;
        }

        var remaining = new Stack<string>(Parts(directory).Reverse());
        var current = "/";
        Check(current, UnixFileSystem.LinkStatus(current), user, directory);
        var links = 0;
        while (remaining.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, part);
            if (UnixFileSystem.LinkStatus(next) is not { } status)
            {
                return;
            }

            Check(next, status, user, directory);
            if (status.Kind != UnixFileKind.SymbolicLink)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks || new FileInfo(next).LinkTarget is not { } target)
            {
                throw new FederationCredentialCacheException($"{next} cannot be resolved (more than {MaxLinks} links on the cache path {directory}, or a link that cannot be read)");
            }

            foreach (var linked in Parts(target).Reverse())
            {
                remaining.Push(linked);
            }

            if (Path.IsPathRooted(target))
            {
                current = "/";
            }
        }
    }

    private static void Check(string path, UnixFileStatus? status, uint user, string directory)
    {
        if (status is not { } entry)
        {
            return;
        }

        if (entry.UserId != user && entry.UserId != 0)
        {
            throw new FederationCredentialCacheException($"{path} is owned by user {entry.UserId}: every folder and link on the cache path {directory} must be owned by this user ({user}) or root; set KUBECACHEDIR to a folder of this user's");
        }

        if (entry.Kind == UnixFileKind.Directory && (entry.Mode & WritableByOthers) != 0 && (entry.Mode & UnixFileMode.StickyBit) == 0)
        {
            throw new FederationCredentialCacheException($"{path} is writable by others (mode {Convert.ToString((int)entry.Mode, 8).PadLeft(4, '0')}) and not sticky: no folder on the cache path {directory} may be, or another user could swap what is below it; set KUBECACHEDIR to a folder of this user's");
        }
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
}
