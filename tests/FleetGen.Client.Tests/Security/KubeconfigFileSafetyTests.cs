using System.Diagnostics;
using FleetGen.Client.Files;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Security;

/// <summary>Kubeconfig files written where kubectl writes them and only there, against file layouts made in the test (Unix: devices, FIFOs, modes, owners).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KubeconfigFileSafetyTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeCertificateAuthority pki = new();

    public void Dispose()
    {
        pki.Dispose();
        folder.Dispose();
    }

    /// <summary>A fleet's kubeconfig as the client returns it: the documented names, renamed after the fleet.</summary>
    private Kubeconfig Fleet(string fleet, string server = "https://127.0.0.1:6443") =>
        KubeconfigSamples.Federation(pki, server, "demo").WithEntryNames(Kubeconfig.NameForFleet(fleet));

    private const string UsersOwnConfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod-cluster
          cluster:
            server: https://prod.example:6443
        users:
        - name: prod-user
          user:
            token: own-token
        contexts:
        - name: prod
          context:
            cluster: prod-cluster
            user: prod-user
        current-context: prod
        """;

    [Theory]
    [InlineData("merge")]
    [InlineData("save")]
    public async Task A_character_device_is_never_replaced(string operation)
    {
        var error = await Assert.ThrowsAsync<KubeconfigException>(() => operation == "merge"
            ? Fleet("a").MergeIntoAsync("/dev/null")
            : Fleet("a").SaveAsync("/dev/null"));

        Assert.Contains("/dev/null is a character device, not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Equal(UnixFileKind.CharacterDevice, UnixFileSystem.Status("/dev/null")!.Value.Kind);
    }

    [Fact]
    public async Task A_FIFO_is_refused_without_being_opened()
    {
        var fifo = folder.File("fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => Fleet("a").MergeIntoAsync(fifo));

        Assert.Contains("is a FIFO (named pipe), not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Equal(UnixFileKind.Fifo, UnixFileSystem.Status(fifo)!.Value.Kind);
    }

    [Fact]
    public async Task A_symlinked_kubeconfig_is_written_through_and_stays_a_link()
    {
        var target = folder.File("real/config");
        Directory.CreateDirectory(folder.File("real"));
        await File.WriteAllTextAsync(target, UsersOwnConfig);
        var link = folder.File("config");
        File.CreateSymbolicLink(link, target);

        await Fleet("a").MergeIntoAsync(link);

        Assert.Equal(target, new FileInfo(link).ResolveLinkTarget(true)!.FullName);
        Assert.Equal(["prod", "ucs-a"], Kubeconfig.FromYaml(await File.ReadAllTextAsync(target)).Contexts!.Select(c => c.Name!).Order());
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task A_read_only_kubeconfig_is_refused_and_left_as_it_was()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, UsersOwnConfig);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => Fleet("a").MergeIntoAsync(path));

        Assert.Contains("is read-only; kubectl would not change it either", error.Message, StringComparison.Ordinal);
        Assert.Equal(UsersOwnConfig, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_replaced_file_keeps_its_mode_and_a_new_one_is_owner_only()
    {
        var existing = folder.File("config");
        await File.WriteAllTextAsync(existing, UsersOwnConfig);
        const UnixFileMode groupReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(existing, groupReadable);

        await Fleet("a").MergeIntoAsync(existing);
        await Fleet("b").MergeIntoAsync(folder.File("new/config"));

        Assert.Equal(groupReadable, File.GetUnixFileMode(existing));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("new/config")));
    }

    [Fact]
    public async Task A_file_of_another_user_keeps_its_owner_when_root_rewrites_it()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, UsersOwnConfig);
        const uint nobody = 65534;
        if (UnixFileSystem.EffectiveUserId != 0)
        {
            // Only root can give a file to another user; as anyone else the same layout cannot be made here.
            Assert.False(UnixFileSystem.TryChangeOwner(path, nobody, nobody));
            return;
        }

        Assert.True(UnixFileSystem.TryChangeOwner(path, nobody, nobody));

        await Fleet("a").MergeIntoAsync(path);

        Assert.Equal((nobody, nobody), (UnixFileSystem.Status(path)!.Value.UserId, UnixFileSystem.Status(path)!.Value.GroupId));
        Assert.Contains("ucs-a", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_several_KUBECONFIG_files_the_merge_writes_where_kubectl_would_and_keeps_the_current_context()
    {
        var missing = folder.File("a");
        var existing = folder.File("b");
        await File.WriteAllTextAsync(existing, UsersOwnConfig);
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        Environment.SetEnvironmentVariable("KUBECONFIG", $"{missing}:{existing}");
        KubeconfigMergeResult result;
        try
        {
            result = await Fleet("a").MergeIntoAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
        }

        Assert.False(File.Exists(missing));
        Assert.Equal((existing, "prod"), (result.Path, result.CurrentContext));
        var written = Kubeconfig.FromYaml(await File.ReadAllTextAsync(existing));
        Assert.Equal("prod", written.CurrentContext);
        Assert.Equal(["prod", "ucs-a"], written.Contexts!.Select(c => c.Name!).Order());
    }

    [Fact]
    public async Task Fleets_with_the_documented_fixed_names_never_overwrite_each_other()
    {
        var path = folder.File("config");
        await using var ucs = await FakeUcsServer.StartAsync();
        using var client = new FleetClient(ucs.ClientOptions());
        foreach (var fleet in new[] { "fleet-a", "fleet-b", "fleet-c" })
        {
            ucs.AddFleet(fleet);
            await (await client.Federation.CreateFederationCertAsync(fleet, ClientFixture.Request())).MergeIntoAsync(path);
        }

        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["ucs-fleet-a", "ucs-fleet-b", "ucs-fleet-c"], merged.Contexts!.Select(c => c.Name!).Order());
        Assert.All(merged.Contexts!, c => Assert.Equal((c.Name, c.Name), (c.Context!.Cluster, c.Context.User)));
        Assert.Equal(3, merged.Users!.Select(u => u.User!.ClientCertificateData).Distinct().Count());
        foreach (var context in merged.Contexts!)
        {
            var (exitCode, _, error) = await Kubectl.RunAsync("--kubeconfig", path, "--context", context.Name!, "get", "--raw", "/version");
            Assert.True(exitCode == 0, error);
        }
    }

    [Theory]
    [InlineData("prod", "contexts[\"prod\"] already exists for cluster \"prod-cluster\" and user \"prod-user\"")]
    [InlineData("prod-cluster", "clusters[\"prod-cluster\"] is used by context \"prod\"")]
    [InlineData("prod-user", "users[\"prod-user\"] is used by context \"prod\"")]
    public async Task A_merge_that_would_replace_another_contexts_entries_is_refused_unless_allowed(string name, string conflict)
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, UsersOwnConfig);

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => Fleet("a").MergeIntoAsync(path, new KubeconfigMergeOptions { ContextName = name }));
        var preflight = await Assert.ThrowsAsync<KubeconfigException>(() => KubeconfigPreflight.CheckMergeAsync(name, path));

        Assert.Contains(conflict, error.Message, StringComparison.Ordinal);
        Assert.Contains(conflict, preflight.Message, StringComparison.Ordinal);
        Assert.Equal(UsersOwnConfig, await File.ReadAllTextAsync(path));

        await Fleet("a").MergeIntoAsync(path, new KubeconfigMergeOptions { ContextName = name, OverwriteExisting = true });
        Assert.Contains(Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).Contexts!, c => c.Name == name);
    }

    [Fact]
    public async Task Merging_the_same_fleet_again_replaces_its_previous_entries_without_asking()
    {
        var path = folder.File("config");
        await Fleet("a", "https://127.0.0.1:1111").MergeIntoAsync(path);

        await Fleet("a", "https://127.0.0.1:2222").MergeIntoAsync(path);

        Assert.Equal("https://127.0.0.1:2222", Assert.Single(Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).Clusters!).Cluster!.Server);
    }

    [Theory]
    [InlineData("full kubeconfig")]
    [InlineData("plain text")]
    public async Task Save_replaces_only_a_kubeconfig_of_the_same_entries_unless_allowed(string existing)
    {
        var path = folder.File("fed.kubeconfig");
        var content = existing == "plain text" ? "my notes, not a kubeconfig: [\n" : UsersOwnConfig;
        await File.WriteAllTextAsync(path, content);

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => Fleet("a").SaveAsync(path));

        Assert.Contains(existing == "plain text" ? "it exists and is not a kubeconfig" : "it holds other entries (clusters[\"prod-cluster\"]", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path));

        await Fleet("a").SaveAsync(path, new KubeconfigSaveOptions { OverwriteExisting = true });
        await Fleet("a", "https://127.0.0.1:2222").SaveAsync(path);
        Assert.Equal("https://127.0.0.1:2222", Assert.Single(Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).Clusters!).Cluster!.Server);
    }

    [Fact]
    public async Task Preflight_finds_a_folder_as_target_and_a_stale_lock_and_writes_nothing()
    {
        var directory = folder.File("config");
        Directory.CreateDirectory(directory);
        var locked = folder.File("locked");
        await File.WriteAllTextAsync(locked, UsersOwnConfig);
        await File.WriteAllTextAsync(locked + ".lock", string.Empty);

        var folderError = await Assert.ThrowsAsync<KubeconfigException>(() => KubeconfigPreflight.CheckMergeAsync("ucs-a", directory));
        var lockError = await Assert.ThrowsAsync<KubeconfigException>(() =>
            KubeconfigPreflight.CheckMergeAsync("ucs-a", locked, new KubeconfigMergeOptions { LockTimeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Contains("is a folder, not a file", folderError.Message, StringComparison.Ordinal);
        Assert.Contains($"the lock file {locked}.lock has been held", lockError.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        Assert.Equal(UsersOwnConfig, await File.ReadAllTextAsync(locked));
    }

    [Fact]
    public async Task A_blank_context_name_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Fleet("a").MergeIntoAsync(folder.File("config"), new KubeconfigMergeOptions { ContextName = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => KubeconfigPreflight.CheckMergeAsync(" ", folder.File("config")));
        Assert.False(File.Exists(folder.File("config")));
    }
}
