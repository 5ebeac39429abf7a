namespace FleetGen.Client.Tests.Support;

/// <summary>
/// The packages `dotnet cake` left in artifacts/packages, when they were built from exactly the tree the tests run in:
/// the main job writes <see cref="StampFile"/> (the content of the working tree as a git tree id, the commit, the
/// configuration, whether the linux-x64 tool is Native AOT) after packing; the tests compute the tree id again.
/// Content, not timestamps: an edit, an added or a deleted file since the main job gives another id.
/// </summary>
internal sealed record MainJobPackages(string Feed, string Commit)
{
    public const string StampFile = "packed-from.txt";

    public static async Task<MainJobPackages?> ReadAsync(string repositoryRoot)
    {
        var feed = Path.Combine(repositoryRoot, "artifacts", "packages");
        var stampPath = Path.Combine(feed, StampFile);
        if (!File.Exists(stampPath))
        {
            return null;
        }

        var stamp = (await File.ReadAllLinesAsync(stampPath))
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var reusable = stamp.GetValueOrDefault("configuration") == "Release"
            && stamp.GetValueOrDefault("native-aot") == "true"
            && stamp.TryGetValue("commit", out var commit)
            && stamp.TryGetValue("tree", out var tree)
            && tree == await WorkingTreeIdAsync(repositoryRoot);
        return reusable ? new MainJobPackages(feed, stamp["commit"]) : null;
    }

    /// <summary>
    /// The working tree's content (tracked and untracked files, .gitignore applied) as git's tree id, hashed through an
    /// index of its own (the repository's index and HEAD stay as they are); null outside a git repository. build.cake's
    /// WorkingTreeId runs the same two git commands.
    /// </summary>
    public static async Task<string?> WorkingTreeIdAsync(string repositoryRoot)
    {
        var index = Path.Combine(Path.GetTempPath(), "fleetgen-index-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = index };
        try
        {
            var add = await DotnetCli.RunProgramAsync("git", repositoryRoot, TimeSpan.FromMinutes(1), environment, null, "add", "-A");
            var tree = add.ExitCode == 0 ? await DotnetCli.RunProgramAsync("git", repositoryRoot, TimeSpan.FromMinutes(1), environment, null, "write-tree") : null;
            return tree is { ExitCode: 0 } ? tree.StandardOutput.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH
        }
        finally
        {
            File.Delete(index);
        }
    }
}
