using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.KubeconfigFiles;

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
    public async Task A_plan_is_refused_when_the_files_changed_since_and_nothing_is_written()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, Existing);
        var plan = await KubeconfigMergePlan.CreateAsync("fed", path);
        await File.WriteAllTextAsync(path, Existing.Replace("current-context: old", "current-context: \"\"", StringComparison.Ordinal));
        var changed = await File.ReadAllBytesAsync(path);

        var refused = await Assert.ThrowsAsync<KubeconfigException>(() => plan.ApplyAsync(KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443", "fed")));

        Assert.Contains("changed after the merge was planned", refused.Message, StringComparison.Ordinal);
        Assert.Equal(changed, await File.ReadAllBytesAsync(path));
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
