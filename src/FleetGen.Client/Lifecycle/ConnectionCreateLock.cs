using FleetGen.Client.Credentials;

namespace FleetGen.Client;

/// <summary>
/// The lock that makes reading a fleet's federation connection, deciding to create one and reading it again after the
/// create one step per endpoint and fleet on this machine: a lock file beside the credential cache's files, held with
/// the kernel's advisory lock (<see cref="CacheFileLock"/>), so a process that dies releases it. Processes on other
/// machines are not seen: the service has no idempotency key, so two machines at once can still make two endpoints.
/// </summary>
internal static class ConnectionCreateLock
{
    /// <summary>How long to wait for another process that is creating the same connection: its create, re-reads and visibility window.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<IDisposable> AcquireAsync(string? directory, Uri endpoint, string fleetId, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(directory ?? FederationCredentialCache.DefaultDirectory());
        CredentialCacheFile.PrepareDirectory(folder);
        var name = Path.ChangeExtension(CredentialCacheFile.NameOf(endpoint, fleetId), ".connect.lock");
        return await CacheFileLock.AcquireAsync(Path.Combine(folder, name), Timeout, time, cancellationToken, "creating the same fleet's federation connection").ConfigureAwait(false);
    }
}
