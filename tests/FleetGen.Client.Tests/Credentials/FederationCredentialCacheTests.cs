using System.Text.Json.Nodes;
using FleetGen.Client.Credentials;
using FleetGen.Client.Files;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Credentials;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FederationCredentialCacheTests : IAsyncLifetime
{
    private const string Fleet = FakeUcsServerOptions.DefaultFleet;
    private readonly TempFolder folder = new();
    private FakeUcsServer ucs = null!;
    private FleetClient client = null!;

    private string CacheFolder => folder.File("cache/fleetgen");

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync();
        client = new FleetClient(ucs.ClientOptions());
        await client.GetFederationKubeconfigAsync(Fleet, 30, "p", "v", "s");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await ucs.DisposeAsync();
        folder.Dispose();
    }

    private int Downloads => ucs.Requests.Count(r => r.RawTarget.EndsWith("/kubeconfig", StringComparison.Ordinal));

    [Fact]
    public async Task The_first_call_downloads_and_caches_owner_only_and_the_next_is_served_from_the_cache()
    {
        var cache = new FederationCredentialCache(CacheFolder);

        var first = await cache.GetAsync(client, Fleet, duration: 10);
        var second = await cache.GetAsync(client, Fleet, duration: 10);

        Assert.Equal(1, Downloads);
        Assert.Equal(first.CertificatePem, second.CertificatePem);
        Assert.InRange(first.NotAfter - first.NotBefore, TimeSpan.FromDays(9.9), TimeSpan.FromDays(10.1));
        Assert.Equal(first.NotAfter - ((first.NotAfter - first.NotBefore) / 10), first.RenewAt, TimeSpan.FromSeconds(1));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(CacheFolder));
        var file = cache.FileOf(client.Endpoint, Fleet);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain("PRIVATE KEY", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_with_less_than_a_tenth_of_its_validity_left_is_renewed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new FederationCredentialCache(CacheFolder, clock);
        var first = await cache.GetAsync(client, Fleet, duration: 10);

        clock.SetUtcNow(first.RenewAt - TimeSpan.FromMinutes(1));
        Assert.NotNull(cache.TryGetFresh(client.Endpoint, Fleet));
        clock.SetUtcNow(first.RenewAt);
        Assert.Null(cache.TryGetFresh(client.Endpoint, Fleet));
        var renewed = await cache.GetAsync(client, Fleet, duration: 10);

        Assert.Equal(2, Downloads);
        Assert.NotEqual(first.CertificatePem, renewed.CertificatePem);
    }

    [Fact]
    public async Task A_credential_with_less_than_an_hour_left_is_never_served_from_the_cache()
    {
        ucs.ClientCertificateValidity = TimeSpan.FromMinutes(50);
        var cache = new FederationCredentialCache(CacheFolder);

        var credential = await cache.GetAsync(client, Fleet);
        await cache.GetAsync(client, Fleet);

        Assert.Equal(2, Downloads);
        Assert.False(credential.IsFreshAt(DateTimeOffset.UtcNow));
        Assert.Contains($"\"expirationTimestamp\":\"{credential.NotAfter.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"", credential.ToExecCredentialJson(DateTimeOffset.UtcNow), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_concurrent_renewals_download_once()
    {
        var caches = Enumerable.Range(0, 5).Select(_ => new FederationCredentialCache(CacheFolder)).ToList();

        var credentials = await Task.WhenAll(caches.Select(c => Task.Run(() => c.GetAsync(client, Fleet))));

        Assert.Equal(1, Downloads);
        Assert.Single(credentials.Select(c => c.CertificatePem).Distinct());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("too open")]
    [InlineData("another fleet's file")]
    [InlineData("another endpoint's file")]
    [InlineData("a certificate that is not PEM")]
    [InlineData("a link")]
    [InlineData("a key that is not the certificate's")]
    public async Task A_cache_file_that_cannot_be_trusted_is_not_used_and_is_replaced(string kind)
    {
        var cache = new FederationCredentialCache(CacheFolder);
        var file = cache.FileOf(client.Endpoint, Fleet);
        ucs.AddFleet("other");
        await client.GetFederationKubeconfigAsync("other", 30, "p", "v", "s");
        var other = await cache.GetAsync(client, "other");
        var otherText = await File.ReadAllTextAsync(cache.FileOf(client.Endpoint, "other"));
        switch (kind)
        {
            case "not json":
                await File.WriteAllTextAsync(file, "{ not json");
                break;
            case "too open":
                await cache.GetAsync(client, Fleet);
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                break;
            case "another fleet's file":
                await File.WriteAllTextAsync(file, otherText);
                break;
            case "another endpoint's file":
                await File.WriteAllTextAsync(file, otherText.Replace("\"fleet\": \"other\"", $"\"fleet\": \"{Fleet}\"", StringComparison.Ordinal).Replace(client.Endpoint.ToString().TrimEnd('/'), "https://ucs.example", StringComparison.Ordinal));
                break;
            case "a certificate that is not PEM":
                await File.WriteAllTextAsync(file, otherText.Replace("\"fleet\": \"other\"", $"\"fleet\": \"{Fleet}\"", StringComparison.Ordinal).Replace("BEGIN CERTIFICATE", "BEGIN NOTHING", StringComparison.Ordinal));
                break;
            case "a link":
                File.CreateSymbolicLink(file, cache.FileOf(client.Endpoint, "other"));
                break;
            case "a key that is not the certificate's":
                await cache.GetAsync(client, Fleet);
                var own = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
                own["clientKeyData"] = JsonNode.Parse(otherText)!["clientKeyData"]!.GetValue<string>();
                await File.WriteAllTextAsync(file, own.ToJsonString());
                break;
        }

        File.SetUnixFileMode(file, kind == "too open" ? File.GetUnixFileMode(file) : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var downloadsBefore = Downloads;

        Assert.Null(cache.TryGetFresh(client.Endpoint, Fleet));
        var credential = await cache.GetAsync(client, Fleet);

        Assert.Equal(downloadsBefore + 1, Downloads);
        Assert.NotEqual(other.CertificatePem, credential.CertificatePem);
        Assert.Equal(credential.CertificatePem, cache.TryGetFresh(client.Endpoint, Fleet)!.CertificatePem);
        Assert.Null(new FileInfo(file).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(other.CertificatePem, cache.TryGetFresh(client.Endpoint, "other")!.CertificatePem);
    }

    [Fact]
    public async Task A_cache_folder_that_is_another_users_link_is_refused_and_its_target_left_alone()
    {
        if (UnixFileSystem.EffectiveUserId != 0)
        {
            // Only root can make a link of another user's here; as anyone else this layout cannot be made.
            return;
        }

        var shared = folder.File("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b1_111_111_111);
        var target = folder.File("root-owned");
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
        var link = Path.Combine(shared, "fleetgen");
        File.CreateSymbolicLink(link, target);
        await SmallDisk.RunAsync("chown", "-h", "12345:12345", link);
        var cache = new FederationCredentialCache(link);

        var error = await Assert.ThrowsAsync<FederationCredentialCacheException>(() => cache.GetAsync(client, Fleet));

        Assert.Contains(link, error.Message, StringComparison.Ordinal);
        Assert.Contains("owned by user 12345", error.Message, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(target));
        Assert.Empty(Directory.GetFileSystemEntries(target));
        Assert.Equal(0, Downloads);
    }

    [Fact]
    public void A_cache_folder_below_a_folder_others_may_write_is_refused()
    {
        var open = folder.File("open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);
        var cache = new FederationCredentialCache(Path.Combine(open, "fleetgen"));

        var error = Assert.Throws<FederationCredentialCacheException>(() => cache.Prepare(client.Endpoint, Fleet));

        Assert.Contains(open, error.Message, StringComparison.Ordinal);
        Assert.Contains("writable by others", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache.Directory));
    }

    [Fact]
    public async Task A_dangling_link_at_the_lock_path_does_not_create_its_target()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        cache.Prepare(client.Endpoint, Fleet);
        var lockPath = cache.FileOf(client.Endpoint, Fleet) + ".lock";
        var planted = folder.File("planted");
        File.CreateSymbolicLink(lockPath, planted);

        var error = await Assert.ThrowsAsync<FederationCredentialCacheException>(() => cache.GetAsync(client, Fleet));

        Assert.Contains(lockPath, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(planted));
        Assert.Equal(0, Downloads);
    }

    [Fact]
    public async Task A_key_that_is_not_the_certificates_is_never_stored()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        var config = ucs.CertificateAuthority.IssueKubeconfig();
        config.Users![0].User!.ClientKeyData = ucs.CertificateAuthority.IssueKubeconfig("other").Users![0].User!.ClientKeyData;

        var error = await Assert.ThrowsAsync<FederationCredentialCacheException>(() => cache.StoreAsync(client.Endpoint, Fleet, config));

        Assert.Contains("client-key-data is not the private key of its client-certificate-data", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cache.FileOf(client.Endpoint, Fleet)));
    }

    [Fact]
    public async Task An_expired_certificate_is_never_stored()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        using var past = new FakeCertificateAuthority(time: new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var error = await Assert.ThrowsAsync<FederationCredentialCacheException>(() => cache.StoreAsync(client.Endpoint, Fleet, past.IssueKubeconfig()));

        Assert.Contains($"the client certificate for fleet {Fleet} has expired: valid from 2024-12-31T23:55:00Z to 2025-01-02T00:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cache.FileOf(client.Endpoint, Fleet)));
    }

    [Fact]
    public async Task A_full_disk_still_hands_out_the_downloaded_credential_and_warns_once()
    {
        if (UnixFileSystem.EffectiveUserId != 0)
        {
            // Needs root to mount a small tmpfs (SmallDisk), as the tests run here and in CI.
            return;
        }

        await using var disk = await SmallDisk.MountAsync(folder.File("small-disk"));
        var cacheFolder = Path.Combine(disk.Path, "fleetgen");
        Directory.CreateDirectory(cacheFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        disk.FillUp();
        var warnings = new List<string>();
        var cache = new FederationCredentialCache(cacheFolder) { OnWarning = warnings.Add };

        var credential = await cache.GetAsync(client, Fleet);

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", credential.CertificatePem, StringComparison.Ordinal);
        Assert.True(credential.IsFreshAt(DateTimeOffset.UtcNow));
        var warning = Assert.Single(warnings);
        Assert.Contains(cache.FileOf(client.Endpoint, Fleet), warning, StringComparison.Ordinal);
        Assert.Contains("no space", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
        Assert.Equal([Path.GetFileName(cache.FileOf(client.Endpoint, Fleet)) + ".lock"], Directory.GetFileSystemEntries(cacheFolder).Select(Path.GetFileName));
        Assert.Equal(1, Downloads);
    }

    [Fact]
    public async Task A_folder_open_to_others_is_closed_and_fleet_ids_never_leave_it()
    {
        Directory.CreateDirectory(CacheFolder);
        File.SetUnixFileMode(CacheFolder, (UnixFileMode)0b111_101_101);
        var cache = new FederationCredentialCache(CacheFolder);

        cache.Prepare(client.Endpoint, "../../escape");

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(CacheFolder));
        Assert.Equal(CacheFolder, Path.GetDirectoryName(cache.FileOf(client.Endpoint, "../../escape")));
        Assert.Equal(CacheFolder, Path.GetDirectoryName(cache.FileOf(new Uri("https://a/b/../../c"), "a/b")));
        Assert.Throws<ArgumentException>(() => cache.FileOf(client.Endpoint, new string('x', 300)));
    }

    [Fact]
    public async Task An_endpoint_written_with_or_without_a_trailing_slash_is_the_same_cache_entry()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        var credential = await cache.GetAsync(client, Fleet);
        var bare = new Uri(client.Endpoint.GetLeftPart(UriPartial.Authority).TrimEnd('/'));

        Assert.Equal(credential.CertificatePem, cache.TryGetFresh(bare, Fleet)?.CertificatePem);
        Assert.Equal(cache.FileOf(client.Endpoint, Fleet), cache.FileOf(bare, Fleet));
    }

    [Fact]
    public void The_default_folder_is_kubectls_cache_folder()
    {
        Assert.Equal("/home/u/.kube/cache/fleetgen", FederationCredentialCache.DefaultDirectory(null, "/home/u"));
        Assert.Equal("/var/kube-cache/fleetgen", FederationCredentialCache.DefaultDirectory("/var/kube-cache", "/home/u"));
    }
}
