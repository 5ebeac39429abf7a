using System.Diagnostics;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A tmpfs of a few kilobytes mounted on a folder, to fill up: a real full disk (ENOSPC). Mounting needs root, as the
/// tests run here and in CI; disposing unmounts it.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB (root folder 0755) on <paramref name="path"/>, created when missing.</summary>
    public static async Task<SmallDisk> MountAsync(string path, int kilobytes = 64)
    {
        Directory.CreateDirectory(path);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0755", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a file of zeros until the disk has no space left.</summary>
    public void FillUp()
    {
        using var stream = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
        }
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file of zeros until fewer than <paramref name="leftKilobytes"/> KB are free.</summary>
    public void FillLeaving(int leftKilobytes)
    {
        using var stream = new FileStream(File($"filler-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (new DriveInfo(Path).AvailableFreeSpace > leftKilobytes * 1024L)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await RunAsync("umount", Path);

    /// <summary>Runs a program such as <c>chown</c> or <c>mount</c>; fails the test with its error output when it fails.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
