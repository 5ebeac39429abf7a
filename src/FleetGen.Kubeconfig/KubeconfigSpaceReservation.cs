using FleetGen.Client.Files;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Disk space taken for the files a merge will write, before the call that creates the credentials: one temporary
/// file beside each, its blocks allocated (the size of the file now and <see cref="Headroom"/> more) but its length
/// zero, which the atomic write then fills and renames into place. A full disk is found while nothing has been created;
/// what is not used is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class KubeconfigSpaceReservation : IDisposable
{
    /// <summary>Room for the entries a merge adds: a federation kubeconfig with its certificate and key takes a few KiB.</summary>
    public const long Headroom = 64 * 1024;

    private readonly Dictionary<string, string> temporaries;

    private KubeconfigSpaceReservation(Dictionary<string, string> temporaries) => this.temporaries = temporaries;

    /// <param name="paths">The files the merge writes, as given (links are followed to the file that is written).</param>
    /// <param name="shownPath">The kubeconfig an error names.</param>
    public static KubeconfigSpaceReservation Reserve(IEnumerable<string> paths, string shownPath)
    {
        var reservation = new KubeconfigSpaceReservation(new Dictionary<string, string>(StringComparer.Ordinal));
        try
        {
            foreach (var target in paths.Select(KubeconfigFileTarget.Resolve).DistinctBy(t => t.WritePath, StringComparer.Ordinal))
            {
                reservation.temporaries[target.WritePath] = AtomicFile.CreateReserved(target.WritePath, (target.Current?.Length ?? 0) + Headroom);
            }

            return reservation;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reservation.Dispose();
            throw new KubeconfigException([$"cannot reserve the disk space to write it before anything is created: {e.Message}"], shownPath, e);
        }
    }

    /// <summary>The reserved temporary file for <paramref name="writePath"/>, now the caller's to fill or delete; <c>null</c> when none was reserved.</summary>
    public string? Take(string writePath) => temporaries.Remove(writePath, out var temporary) ? temporary : null;

    public void Dispose()
    {
        foreach (var temporary in temporaries.Values)
        {
            File.Delete(temporary);
        }

        temporaries.Clear();
    }
}
