using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetGen.Client.Files;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Credentials;

/// <summary>
/// One cached credential on disk: a JSON object naming its endpoint and fleet, the certificate's validity (read from
/// the certificate when it was cached) and the PEM texts. Reading trusts nothing: the file must be a regular file of
/// this user's, readable by nobody else, small, well formed, for the same endpoint and fleet, and hold a key that is
/// the certificate's; anything else is a miss.
/// </summary>
internal static class CredentialCacheFile
{
    public const string Kind = "FleetGenCredentialCache";
    public const int Version = 1;

    /// <summary>The largest cache file read: a certificate and key take a few kilobytes.</summary>
    public const int MaxFileSize = 64 * 1024;

    private const int MaxNameLength = 200;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers = (UnixFileMode)0b000_111_111;

    /// <summary>The endpoint as the cache knows it: scheme, host, port and path, without a trailing '/', query or fragment.</summary>
    public static string KeyOf(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>A file name for the endpoint and fleet made of letters, digits, '.', '-' and '_' escapes only, so no id can leave the folder.</summary>

    public static string NameOf(Uri endpoint, string fleetId)
    {
        var path = endpoint.AbsolutePath.Trim('/');
        var name = $"{endpoint.Scheme}_{Escape(endpoint.Host)}_{endpoint.Port.ToString(CultureInfo.InvariantCulture)}{(path.Length == 0 ? string.Empty : "_" + Escape(path))}__{Escape(fleetId)}.json";
        return name.Length <= MaxNameLength
            ? name
            : throw new ArgumentException($"fleetId: with the endpoint it makes a cache file name of {name.Length} characters; at most {MaxNameLength} are allowed.", nameof(fleetId));
    }

    public static FederationClientCredential? TryRead(string file, Uri endpoint, string fleetId)
    {
        if (!Trusted(file))
        {
            return null;
        }

        try
        {
            using var document = ReadDocument(file);
            if (document is null)
            {
                return null;
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "kind") != Kind || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version
                || Text(root, "endpoint") != KeyOf(endpoint) || Text(root, "fleet") != fleetId
                || Time(root, "notBefore") is not { } notBefore || Time(root, "notAfter") is not { } notAfter || notBefore >= notAfter
                || Text(root, "clientCertificateData") is not { } certificate || !PemText.IsCertificateBlock(certificate)
                || Text(root, "clientKeyData") is not { } key || !PemText.IsPrivateKey(key) || !PemText.IsKeyOf(certificate, key))
            {
                return null;
            }

            return new FederationClientCredential(certificate, key, notBefore, notAfter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    public static void Write(string file, Uri endpoint, string fleetId, FederationClientCredential credential, CancellationToken cancellationToken)
    {
        var document = new CredentialCacheDocument(
            Kind,
            Version,
            KeyOf(endpoint),
            fleetId,
            FederationClientCredential.Rfc3339(credential.NotBefore),
            FederationClientCredential.Rfc3339(credential.NotAfter),
            credential.CertificatePem,
            credential.PrivateKeyPem);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, CredentialCacheJsonContext.Default.CredentialCacheDocument);

        try
        {
            // Never replaced.Mode: a file that was too open, or another user's, is replaced by a new 0600 one of this user's.
            AtomicFile.Write(file, bytes, replaced: null, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FederationCredentialCacheException($"cannot write {file}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Creates the folder 0700 when missing; an existing one must be a folder of this user's, and is made 0700 when it is
    /// more open. Its path is checked (<see cref="CachePathTrust"/>) before anything is created or changed, and again after.
    /// </summary>
    public static void PrepareDirectory(string directory)
    {
        try
        {
            CachePathTrust.Check(directory);
            if (!System.IO.Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    System.IO.Directory.CreateDirectory(directory);
                }
                else
                {
                    System.IO.Directory.CreateDirectory(directory, OwnerOnlyFolder);
                }
            }

            if (OperatingSystem.IsWindows())
            {
                return;
            }

            CachePathTrust.Check(directory);
            if (UnixFileSystem.Status(directory) is { } status && (status.Kind != UnixFileKind.Directory || status.UserId != UnixFileSystem.EffectiveUserId))
            {
                throw new FederationCredentialCacheException($"{directory} is not a folder of this user's (owner {status.UserId}); remove it or set KUBECACHEDIR to another folder");
            }

            if ((File.GetUnixFileMode(directory) & GroupOrOthers) != 0)
            {
                File.SetUnixFileMode(directory, OwnerOnlyFolder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not FederationCredentialCacheException)
        {
            throw new FederationCredentialCacheException($"cannot use the folder {directory}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether the cache folder can be removed from: <c>false</c> when it does not exist. Its path must pass
    /// <see cref="CachePathTrust"/> and the folder itself must not be a link, so that removing never follows one.
    /// </summary>
    public static bool CheckRemovable(string directory)
    {
        CachePathTrust.Check(directory);
        if (new DirectoryInfo(directory).LinkTarget is not null)
        {
            throw new FederationCredentialCacheException($"{directory} is a link: the credential cache folder is never followed through a link to remove files; nothing was removed");
        }

        return System.IO.Directory.Exists(directory);
    }

    /// <summary>A regular file (not a link) of this user's, small, whose JSON says it is a FleetGen credential cache file.</summary>
    public static bool IsCacheFile(string file)
    {
        if (new FileInfo(file).LinkTarget is not null)
        {
            return false;
        }

        if (UnixFileSystem.IsSupported && (UnixFileSystem.LinkStatus(file) is not { Kind: UnixFileKind.Regular } status || status.UserId != UnixFileSystem.EffectiveUserId))
        {
            return false;
        }

        try
        {
            using var document = ReadDocument(file);
            return document is { RootElement.ValueKind: JsonValueKind.Object } && Text(document.RootElement, "kind") == Kind;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The file's JSON; <c>null</c> when it is larger than <see cref="MaxFileSize"/>.</summary>
    /// <exception cref="IOException">It cannot be read.</exception>
    /// <exception cref="JsonException">It is not JSON.</exception>
    private static JsonDocument? ReadDocument(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        if (stream.Length > MaxFileSize)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return JsonDocument.Parse(bytes);
    }

    /// <summary>A regular file of this user's that nobody else may read or write (where the platform can tell).</summary>
    private static bool Trusted(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(file);
        }

        if (new FileInfo(file).LinkTarget is not null)
        {
            return false;
        }

        var status = UnixFileSystem.Status(file);
        if (UnixFileSystem.IsSupported && (status is not { Kind: UnixFileKind.Regular } || status.Value.UserId != UnixFileSystem.EffectiveUserId))
        {
            return false;
        }

        try
        {
            return File.Exists(file) && (File.GetUnixFileMode(file) & GroupOrOthers) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        Text(root, name) is { } text && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append(CultureInfo.InvariantCulture, $"_{b:x2}");
            }
        }

        return escaped.ToString();
    }
}
