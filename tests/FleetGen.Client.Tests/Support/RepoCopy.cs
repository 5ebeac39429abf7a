namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A copy of the repository's sources (no build output, no .git: neither a clone's folder nor a worktree's file, which
/// would make git commands in the copy act on the repository itself) in a temporary folder, deleted on dispose.
/// </summary>
internal sealed class RepoCopy : IDisposable
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "bin", "obj", "artifacts", "TestResults", "__mismatch__" };

    public RepoCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "fleetgen-repo-" + Guid.NewGuid().ToString("N"));
        Copy(new DirectoryInfo(Repo.Root), Root);
    }

    public string Root { get; }

    public string Spec => Path.Combine(Root, "spec", "ucs.yaml");

    public string ClientProject => Path.Combine(Root, "src", "FleetGen.Client", "FleetGen.Client.csproj");

    public string GeneratedDir => Path.Combine(Root, "src", "FleetGen.Client", "obj", "generated");

    public void EditSpec(string find, string replaceWith)
    {
        var text = File.ReadAllText(Spec);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(Spec, text.Replace(find, replaceWith, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold a file; the temporary folder is left for the OS to clean.
        }
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles().Where(f => !Skipped.Contains(f.Name)))
        {
            file.CopyTo(Path.Combine(target, file.Name));
        }

        foreach (var folder in source.EnumerateDirectories().Where(d => !Skipped.Contains(d.Name)))
        {
            Copy(folder, Path.Combine(target, folder.Name));
        }
    }
}
