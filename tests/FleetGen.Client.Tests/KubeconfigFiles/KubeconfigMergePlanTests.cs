using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.KubeconfigFiles;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KubeconfigMergePlanTests : IDisposable
{
    private const string Existing = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: old
          cluster:
            server: https://old.example:6443
        - name: fed
          cluster:
            server: https://stale.example:6443
        users:
        - name: old
          user:
            token: old-token
        contexts:
        - name: old
          context:
            cluster: old
            user: old
        current-context: old
        """;

    private readonly FakeCertificateAuthority pki = new();
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        pki.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_plan_names_every_entry_added_or_replaced_and_the_current_context_and_writes_nothing()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var before = await File.ReadAllBytesAsync(path);

        var plan = await KubeconfigMergePlan.CreateAsync("fed", path, new KubeconfigMergeOptions { SetCurrentContext = true });

        Assert.Equal(
            [
                new KubeconfigEntryChange("clusters", "fed", path, KubeconfigChangeKind.Replace),
                new KubeconfigEntryChange("contexts", "fed", path, KubeconfigChangeKind.Add),
                new KubeconfigEntryChange("users", "fed", path, KubeconfigChangeKind.Add),
            ],
            plan.Changes);
        Assert.Equal(("old", "fed", path), (plan.CurrentContextBefore, plan.CurrentContextAfter, plan.CurrentContextPath));
        Assert.Equal([path], plan.FilesToWrite);
        Assert.Equal(
            $"replace clusters[\"fed\"] in {path}\nadd contexts[\"fed\"] to {path}\nadd users[\"fed\"] to {path}\ncurrent context: \"old\" -> \"fed\" in {path}",
            plan.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal(["config"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Applying_the_plan_merges_exactly_what_it_said()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);

        var result = await plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "anything"));

        Assert.Equal((path, "fed", "old"), (result.Path, result.Context, result.CurrentContext));
        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["old", "fed"], merged.Clusters!.Select(c => c.Name));
        Assert.Equal("https://127.0.0.1:6443", merged.Clusters!.Single(c => c.Name == "fed").Cluster!.Server);
        Assert.Equal(["old", "fed"], merged.Contexts!.Select(c => c.Name));
        Assert.Equal("old", merged.CurrentContext);
    }

    [Fact]
    public async Task A_plan_invalidated_by_another_merge_is_made_again_under_the_lock_and_applied()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing.Replace("current-context: old", "current-context: \"\"", StringComparison.Ordinal));
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);
        Assert.Equal((null, "fed"), (plan.CurrentContextBefore, plan.CurrentContextAfter));
        await File.WriteAllTextAsync(path, Existing);

        var result = await plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed"));

        Assert.Equal(("fed", "old"), (result.Context, result.CurrentContext));
        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["old", "fed"], merged.Contexts!.Select(c => c.Name));
        Assert.Equal("old", merged.CurrentContext);
    }

    [Fact]
    public async Task A_conflict_that_arose_after_the_plan_refuses_and_nothing_is_written()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);
        await File.WriteAllTextAsync(path, Existing.Replace("    cluster: old", "    cluster: fed", StringComparison.Ordinal));
        var changed = await File.ReadAllBytesAsync(path);

        var refused = await Assert.ThrowsAsync<KubeconfigException>(() => plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed")));

        Assert.Contains("clusters[\"fed\"] is used by context \"old\"", refused.Message, StringComparison.Ordinal);
        Assert.Equal(changed, await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Twenty_merges_at_once_into_one_file_all_succeed_and_keep_each_other(bool withCurrentContext, bool setCurrent)
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, withCurrentContext ? Existing : Existing.Replace("current-context: old", string.Empty, StringComparison.Ordinal));
        var names = Enumerable.Range(1, 20).Select(i => $"fed-{i}").ToList();
        var kubeconfig = KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed");
        var plans = await Task.WhenAll(names.Select(n => KubeconfigMergePlan.CreateAsync(n, path, new KubeconfigMergeOptions { SetCurrentContext = setCurrent })));

        var results = await Task.WhenAll(plans.Select(p => Task.Run(() => p.ApplyAsync(kubeconfig))));

        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["old", .. names], merged.Contexts!.Select(c => c.Name!).OrderBy(n => n == "old" ? 0 : int.Parse(n[4..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(21, merged.Users!.Count);
        if (withCurrentContext && !setCurrent)
        {
            Assert.Equal("old", merged.CurrentContext);
        }
        else
        {
            Assert.Contains(merged.CurrentContext, names);
        }

        Assert.All(results, r => Assert.Equal(path, r.Path));
        Assert.Equal(["config"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_reservation_takes_the_space_before_the_merge_and_the_merge_writes_through_it()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);

        using (var reservation = plan.ReserveSpace())
        {
            var reserved = Assert.Single(Directory.GetFiles(folder.Path, ".config.*.tmp"));
            Assert.Equal(0, new FileInfo(reserved).Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(reserved));

            await plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed"));

            Assert.False(File.Exists(reserved));
        }

        Assert.Equal(["config"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Contains("fed", Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).Contexts!.Select(c => c.Name));
    }

    [Fact]
    public async Task An_unused_reservation_is_given_back()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var before = await File.ReadAllBytesAsync(path);
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);

        plan.ReserveSpace().Dispose();

        Assert.Equal(["config"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_line_break_in_a_name_cannot_forge_plan_lines()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);

        var plan = await KubeconfigMergePlan.CreateAsync("fed\nadd users[\"admin\"] to /etc/passwd", path, new KubeconfigMergeOptions { SetCurrentContext = true });

        var lines = plan.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Take(3), l => Assert.Contains("[\"fed\\nadd users[\"admin\"] to /etc/passwd\"]", l, StringComparison.Ordinal));
        Assert.StartsWith("current context: \"old\" -> \"fed\\nadd", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_into_a_missing_folder_creates_nothing_and_a_conflict_fails_the_plan()
    {
        var missing = folder.File("no-such-folder/config");

        var plan = await KubeconfigMergePlan.CreateAsync("fed", missing);

        Assert.All(plan.Changes, c => Assert.Equal(KubeconfigChangeKind.Add, c.Kind));
        Assert.Equal((null, "fed"), (plan.CurrentContextBefore, plan.CurrentContextAfter));
        Assert.False(Directory.Exists(folder.File("no-such-folder")));

        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing.Replace("    cluster: old", "    cluster: fed", StringComparison.Ordinal));
        var conflict = await Assert.ThrowsAsync<KubeconfigException>(() => KubeconfigMergePlan.CreateAsync("fed", path));
        Assert.Contains("clusters[\"fed\"] is used by context \"old\"", conflict.Message, StringComparison.Ordinal);
    }
}

/// <summary>A full disk under the kubeconfig, found before anything would be created (needs root: a small tmpfs is mounted).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KubeconfigFullDiskTests : IAsyncLifetime
{
    private readonly FakeCertificateAuthority pki = new();
    private readonly TempFolder folder = new();
    private SmallDisk disk = null!;

    public async Task InitializeAsync() => disk = await SmallDisk.MountAsync(folder.File("small-disk"), kilobytes: 256);

    public async Task DisposeAsync()
    {
        await disk.DisposeAsync();
        folder.Dispose();
        pki.Dispose();
    }

    [Fact]
    public async Task A_full_disk_fails_the_reservation_and_leaves_the_kubeconfig_and_no_temporary_file()
    {
        var path = disk.File("config");
        await File.WriteAllTextAsync(path, "apiVersion: v1\nkind: Config\n");
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);
        disk.FillLeaving(leftKilobytes: 16);

        var refused = Assert.Throws<KubeconfigException>(() => plan.ReserveSpace());

        Assert.Contains("cannot reserve the disk space", refused.Message, StringComparison.Ordinal);
        Assert.Equal(path, refused.Path);
        Assert.Equal("apiVersion: v1\nkind: Config\n", await File.ReadAllTextAsync(path));
        Assert.Empty(Directory.GetFiles(disk.Path, "*.tmp"));
    }

    [Fact]
    public async Task Space_reserved_before_the_disk_filled_up_still_takes_the_merge()
    {
        var path = disk.File("config");
        await File.WriteAllTextAsync(path, "apiVersion: v1\nkind: Config\n");
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);
        using var reservation = plan.ReserveSpace();
        disk.FillUp();
        Assert.Throws<IOException>(() => File.WriteAllBytes(disk.File("probe"), new byte[64 * 1024]));

        await plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed"));

        Assert.Equal("fed", Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).CurrentContext);
        Assert.Empty(Directory.GetFiles(disk.Path, "*.tmp"));
    }
}
