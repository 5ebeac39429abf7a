using System.Diagnostics;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a temporary folder, to run out of space on purpose. Mounting needs root, as CI and this
/// machine kind run tests; the folder is unmounted and deleted on dispose.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly TempFolder folder = new();

    public SmallDisk(int kibibytes)
    {
        Assert.True(Environment.UserName == "root", "this test mounts a small tmpfs to fill it up, which needs root (CI runs as root)");
        Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k,mode=0755", "tmpfs", folder.Path);
    }

    public string Path => folder.Path;

    public string File(string relative) => folder.File(relative);

    /// <summary>Writes a filler file until fewer than <paramref name="leftKibibytes"/> KiB are free.</summary>
    public void FillLeaving(int leftKibibytes)
    {
        using var filler = new FileStream(File($".filler-{Guid.NewGuid():N}"), FileMode.CreateNew);
        var block = new byte[4096];
        while (new DriveInfo(Path).AvailableFreeSpace > leftKibibytes * 1024L)
        {
            try
            {
                filler.Write(block);
                filler.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", folder.Path);
        folder.Dispose();
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
