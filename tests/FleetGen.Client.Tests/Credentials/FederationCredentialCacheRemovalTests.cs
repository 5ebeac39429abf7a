using FleetGen.Client.Credentials;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Credentials;

/// <summary>Remove and Clear take away the cache's own files only: never through a link, never another kind of file.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FederationCredentialCacheRemovalTests : IAsyncLifetime
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

    [Fact]
    public async Task Remove_takes_away_the_fleets_file_and_then_finds_none()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        await cache.GetAsync(client, Fleet);
        var file = cache.FileOf(client.Endpoint, Fleet);

        Assert.Equal(file, cache.Remove(client.Endpoint, Fleet));
        Assert.False(File.Exists(file));
        Assert.Null(cache.Remove(client.Endpoint, Fleet));
        Assert.Null(cache.TryGetFresh(client.Endpoint, Fleet));
    }

    [Fact]
    public async Task Remove_refuses_a_link_in_the_fleets_place_and_leaves_its_target()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        await cache.GetAsync(client, Fleet);
        var file = cache.FileOf(client.Endpoint, Fleet);
        var target = folder.File("kept.json");
        File.Move(file, target);
        File.CreateSymbolicLink(file, target);

        Assert.Throws<FederationCredentialCacheException>(() => cache.Remove(client.Endpoint, Fleet));
        Assert.NotNull(new FileInfo(file).LinkTarget);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Clear_leaves_links_lock_files_and_other_files_alone()
    {
        var cache = new FederationCredentialCache(CacheFolder);
        await cache.GetAsync(client, Fleet);
        var target = folder.File("kept.json");
        File.Copy(cache.FileOf(client.Endpoint, Fleet), target);
        File.CreateSymbolicLink(Path.Combine(CacheFolder, "link.json"), target);
        await File.WriteAllTextAsync(Path.Combine(CacheFolder, "other.json"), "{\"kind\":\"Other\"}");

        var removed = cache.Clear();

        Assert.Equal([cache.FileOf(client.Endpoint, Fleet)], removed);
        Assert.True(File.Exists(target));
        Assert.Equal(["link.json", "other.json"], Directory.GetFiles(CacheFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(CacheFolder, "*.lock"));
    }

    [Fact]
    public async Task Clear_never_follows_a_linked_cache_folder()
    {
        var real = folder.File("real");
        var realCache = new FederationCredentialCache(real);
        await realCache.GetAsync(client, Fleet);
        Directory.CreateDirectory(folder.File("cache"));
        Directory.CreateSymbolicLink(CacheFolder, real);

        Assert.Throws<FederationCredentialCacheException>(() => new FederationCredentialCache(CacheFolder).Clear());
        Assert.True(File.Exists(realCache.FileOf(client.Endpoint, Fleet)));
    }

    [Fact]
    public void Clear_of_a_missing_folder_removes_nothing_and_creates_nothing()
    {
        Assert.Empty(new FederationCredentialCache(CacheFolder).Clear());
        Assert.False(Directory.Exists(CacheFolder));
    }
}
