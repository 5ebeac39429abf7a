namespace FleetGen.Client.Tests.Support;

/// <summary>Files as they are now, written back on dispose: a test that edits a shared copy puts it back.</summary>
internal sealed class RestoredFiles(params string[] paths) : IDisposable
{
    private readonly Dictionary<string, byte[]> contents = paths.ToDictionary(p => p, File.ReadAllBytes);

    public void Dispose()
    {
        foreach (var (path, content) in contents)
        {
            File.WriteAllBytes(path, content);
        }
    }
}
