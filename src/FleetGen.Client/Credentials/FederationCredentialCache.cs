using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client.Credentials;

/// <summary>
/// Client certificates for federation API servers, kept on disk so that an exec credential plugin run by every kubectl
/// command downloads one only when the one it has is about to expire (<see cref="FederationClientCredential.IsFreshAt"/>).
/// One file per endpoint and fleet in a folder only its owner may enter (0700; files 0600), written atomically;
/// processes renewing the same credential at once take turns on a lock, so it is downloaded once. A file that is
/// corrupt, too open, not this user's or for another endpoint or fleet is never used: it is replaced.
/// </summary>
public sealed class FederationCredentialCache
{
    private readonly TimeProvider time;

    /// <summary>A cache in <paramref name="directory"/> (default: <see cref="DefaultDirectory()"/>).</summary>
    /// <param name="directory">The cache folder; created 0700 when needed.</param>
    /// <param name="timeProvider">The clock that decides whether a credential is fresh. Default: the system clock.</param>
    public FederationCredentialCache(string? directory = null, TimeProvider? timeProvider = null)
    {
        if (directory is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        }

        Directory = Path.GetFullPath(directory ?? DefaultDirectory());
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>How long to wait for another process that is renewing the same credential. Default: one minute.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Told, in one line, when a credential is handed out although the cache could not keep it (the disk is full). Default: nobody.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary><c>fleetgen</c> in kubectl's cache folder: <c>$KUBECACHEDIR</c>, else <c>~/.kube/cache</c>.</summary>
    public static string DefaultDirectory() =>
        DefaultDirectory(Environment.GetEnvironmentVariable("KUBECACHEDIR"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    internal static string DefaultDirectory(string? kubeCacheDirectory, string home) =>
        Path.Combine(string.IsNullOrWhiteSpace(kubeCacheDirectory) ? Path.Combine(home, ".kube", "cache") : kubeCacheDirectory, "fleetgen");

    /// <summary>The file that holds the credential of <paramref name="fleetId"/> at <paramref name="endpoint"/>.</summary>
    public string FileOf(Uri endpoint, string fleetId) => Path.Combine(Directory, CredentialCacheFile.NameOf(endpoint, fleetId));

    /// <summary>The cached credential when it is fresh; <c>null</c> when there is none, it is not fresh or the file cannot be trusted. Nothing is sent or written.</summary>
    public FederationClientCredential? TryGetFresh(Uri endpoint, string fleetId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        return CredentialCacheFile.TryRead(FileOf(endpoint, fleetId), endpoint, fleetId) is { } cached && cached.IsFreshAt(time.GetUtcNow()) ? cached : null;
    }

    /// <summary>
    /// The fleet's credential: the cached one while it is fresh, else a new one from DownloadFederationKubeconfig
    /// (certificates valid <paramref name="duration"/> days), cached before it is returned.
    /// </summary>
    /// <exception cref="FederationCredentialCacheException">The cache folder or file cannot be used; nothing was sent.</exception>
    public Task<FederationClientCredential> GetAsync(FleetClient client, string fleetId, int duration = 30, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        FleetEngine.CheckBodyValues(ContractOperations.DownloadFederationKubeconfig, ("duration", duration));
        return GetAsync(client.Endpoint, fleetId, c => client.Federation.DownloadFederationKubeconfigAsync(fleetId, new DownloadFederationKubeconfigRequestBody { Duration = duration }, c), cancellationToken);
    }

    /// <summary>
    /// The fleet's credential: the cached one while it is fresh, else the one in the kubeconfig <paramref name="renew"/>
    /// returns, cached before it is returned. Processes that renew the same credential at once take turns, and every
    /// one after the first finds the fresh credential without calling <paramref name="renew"/>.
    /// </summary>
    /// <remarks>When the disk is too full to cache it, the new credential is still returned and <see cref="OnWarning"/> is told.</remarks>
    /// <exception cref="FederationCredentialCacheException">The cache folder or file cannot be used, or the kubeconfig has no usable client certificate (none, a key that is not the certificate's, an expired one).</exception>
    public async Task<FederationClientCredential> GetAsync(Uri endpoint, string fleetId, Func<CancellationToken, Task<Kubeconfig>> renew, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        ArgumentNullException.ThrowIfNull(renew);
        if (TryGetFresh(endpoint, fleetId) is { } fresh)
        {
            return fresh;
        }

        var file = PrepareFile(endpoint, fleetId);
        using (await CacheFileLock.AcquireAsync(file + ".lock", LockTimeout, time, cancellationToken).ConfigureAwait(false))
        {
            if (TryGetFresh(endpoint, fleetId) is { } renewedMeanwhile)
            {
                return renewedMeanwhile;
            }

            var credential = CredentialOf(await renew(cancellationToken).ConfigureAwait(false), fleetId);
            try
            {
                CredentialCacheFile.Write(file, endpoint, fleetId, credential, cancellationToken);
            }
            catch (FederationCredentialCacheException e) when (DiskFull.Is(e.InnerException))
            {
                OnWarning?.Invoke($"credential cache: no space left to write {file}: the new certificate is used without being cached and will be downloaded again next time");
            }

            return credential;
        }
    }

    /// <summary>Caches the client certificate of <paramref name="kubeconfig"/> (its current context's user) for the fleet, e.g. one just fetched by get-credentials.</summary>
    /// <exception cref="FederationCredentialCacheException">The cache folder or file cannot be used, or the kubeconfig has no usable client certificate (none, a key that is not the certificate's, an expired one).</exception>
    public async Task<FederationClientCredential> StoreAsync(Uri endpoint, string fleetId, Kubeconfig kubeconfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var credential = CredentialOf(kubeconfig, fleetId);
        var file = PrepareFile(endpoint, fleetId);
        using (await CacheFileLock.AcquireAsync(file + ".lock", LockTimeout, time, cancellationToken).ConfigureAwait(false))
        {
            CredentialCacheFile.Write(file, endpoint, fleetId, credential, cancellationToken);
        }

        return credential;
    }

    /// <summary>Checks, before anything is sent, that the cache folder is this user's and can hold the fleet's file; creates it (0700) when missing.</summary>
    /// <exception cref="FederationCredentialCacheException">The folder or file cannot be used.</exception>
    public void Prepare(Uri endpoint, string fleetId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        PrepareFile(endpoint, fleetId);
    }

    /// <summary>
    /// Removes the cached credential of <paramref name="fleetId"/> at <paramref name="endpoint"/>. Only a regular file of
    /// this user's that is a FleetGen cache file is removed; a link is never followed nor removed.
    /// </summary>
    /// <returns>The file removed; <c>null</c> when there was none.</returns>
    /// <exception cref="FederationCredentialCacheException">The cache path cannot be trusted, or the file is not a FleetGen cache file of this user's; nothing was removed.</exception>
    public string? Remove(Uri endpoint, string fleetId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        var file = FileOf(endpoint, fleetId);
        CredentialCacheFile.CheckRemovable(Directory);
        if (!File.Exists(file) && new FileInfo(file).LinkTarget is null)
        {
            return null;
        }

        if (!CredentialCacheFile.IsCacheFile(file))
        {
            throw new FederationCredentialCacheException($"{file} is not a credential cache file of this user's (a link, another kind of file, or another user's): it was not removed");
        }

        File.Delete(file);
        return file;
    }

    /// <summary>
    /// Removes every cached credential in <see cref="Directory"/>: the regular files of this user's that are FleetGen
    /// cache files. Anything else (links, folders, lock files, other files) is left alone.
    /// </summary>
    /// <returns>The files removed.</returns>
    /// <exception cref="FederationCredentialCacheException">The cache path cannot be trusted; nothing was removed.</exception>
    public IReadOnlyList<string> Clear()
    {
        if (!CredentialCacheFile.CheckRemovable(Directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (CredentialCacheFile.IsCacheFile(file))
            {
                File.Delete(file);
                removed.Add(file);
            }
        }

        return removed;
    }

    private string PrepareFile(Uri endpoint, string fleetId)
    {
        CredentialCacheFile.PrepareDirectory(Directory);
        return FileOf(endpoint, fleetId);
    }

    private FederationClientCredential CredentialOf(Kubeconfig kubeconfig, string fleetId)
    {
        var user = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext)?.Context?.User;
        var details = kubeconfig.Users?.FirstOrDefault(u => u.Name == user)?.User;
        if (PemText.FromBase64Field(details?.ClientCertificateData) is not { } certificate || PemText.FromBase64Field(details?.ClientKeyData) is not { } key
            || !PemText.IsPrivateKey(key) || !PemText.TryReadValidity(certificate, out var notBefore, out var notAfter))
        {
            throw new FederationCredentialCacheException("the kubeconfig's current user has no client certificate and private key to cache");
        }

        if (!PemText.IsKeyOf(certificate, key))
        {
            throw new FederationCredentialCacheException($"users[\"{user}\"].client-key-data is not the private key of its client-certificate-data; nothing was cached");
        }

        if (time.GetUtcNow() > notAfter)
        {
            throw new FederationCredentialCacheException($"{FederationClientCredential.Expired(fleetId, notBefore, notAfter)}; nothing was cached");
        }

        return new FederationClientCredential(certificate, key, notBefore, notAfter);
    }
}
