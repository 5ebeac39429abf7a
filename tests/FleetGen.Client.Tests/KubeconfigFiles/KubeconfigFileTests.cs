using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.KubeconfigFiles;

public sealed class KubeconfigFileTests : IDisposable
{
    private readonly FakeCertificateAuthority pki = new();
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        pki.Dispose();
        folder.Dispose();
    }

    private Kubeconfig Federation(string name = "federation", string server = "https://127.0.0.1:6443") => KubeconfigSamples.Federation(pki, server, name);

    private string[] FilesInFolder(string path) => Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).ToArray()!;

    private const string ExistingConfig = """
        apiVersion: v1
        kind: Config
        preferences:
          colors: true
        clusters:
        - name: dev
          cluster:
            server: https://dev.example:6443
            insecure-skip-tls-verify: true
            extensions:
            - name: client.authentication.k8s.io/exec
              extension:
                audience: dev
        users:
        - name: dev-user
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: get-dev-token
              args: ["--region", "eu"]
              interactiveMode: Never
        contexts:
        - name: dev
          context:
            cluster: dev
            user: dev-user
            namespace: team-a
        current-context: dev
        extensions:
        - name: fleetgen.test/marker
          extension:
            kept: "yes"
        """;

    [Fact]
    public async Task SaveAsync_creates_folders_and_writes_an_owner_only_file_with_the_yaml()
    {
        var config = Federation();
        var path = folder.File("nested/deeper/config");

        await config.SaveAsync(path);

        Assert.Equal(config.ToYaml(), await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(["config"], FilesInFolder(path));
    }

    [Fact]
    public async Task SaveAsync_of_an_invalid_kubeconfig_writes_nothing_and_keeps_the_old_file()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, "old content");
        var config = Federation();
        config.CurrentContext = "nowhere";

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => config.SaveAsync(path));

        Assert.Contains("current-context: \"nowhere\" is not in contexts", error.Message, StringComparison.Ordinal);
        Assert.Equal("old content", await File.ReadAllTextAsync(path));
        Assert.Equal(["config"], FilesInFolder(path));
    }

    [Fact]
    public async Task Cancelled_save_leaves_neither_the_file_nor_a_temporary_file()
    {
        var path = folder.File("config");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Federation().SaveAsync(path, cancellationToken: cancelled.Token));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Merge_adds_the_new_entries_and_keeps_every_existing_entry_and_unknown_field()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, ExistingConfig);

        var result = await Federation().MergeIntoAsync(path);

        Assert.Equal(new KubeconfigMergeResult(path, "federation", "dev"), result);
        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["dev", "federation-cluster"], merged.Clusters!.Select(c => c.Name));
        Assert.Equal(["dev-user", "federation-user"], merged.Users!.Select(u => u.Name));
        Assert.Equal(["dev", "federation"], merged.Contexts!.Select(c => c.Name));
        Assert.True(merged.Clusters![0].Cluster!.InsecureSkipTlsVerify!.Boolean);
        Assert.Equal("team-a", merged.Contexts![0].Context!.AdditionalData["namespace"]);
        var exec = Assert.IsType<Dictionary<string, object>>(merged.Users![0].User!.AdditionalData["exec"]);
        Assert.Equal(("get-dev-token", "Never"), (exec["command"], exec["interactiveMode"]));
        Assert.Contains("preferences", merged.AdditionalData.Keys);
        Assert.Contains("extensions", merged.AdditionalData.Keys);
        Assert.Contains("kept: \"yes\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);

        var (exitCode, output, error) = await Kubectl.RunAsync("config", "get-contexts", "-o", "name", "--kubeconfig", path);
        Assert.True(exitCode == 0, error);
        Assert.Equal(["dev", "federation"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Merge_replaces_entries_by_name_renames_and_sets_the_current_context_when_asked()
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, ExistingConfig);
        await Federation(server: "https://127.0.0.1:1111").MergeIntoAsync(path, new KubeconfigMergeOptions { ContextName = "fed-prod" });

        var result = await Federation(server: "https://127.0.0.1:2222").MergeIntoAsync(path, new KubeconfigMergeOptions { ContextName = "fed-prod", SetCurrentContext = true });

        Assert.Equal(("fed-prod", "fed-prod"), (result.Context, result.CurrentContext));
        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(["dev", "fed-prod"], merged.Contexts!.Select(c => c.Name));
        Assert.Equal("https://127.0.0.1:2222", Assert.Single(merged.Clusters!, c => c.Name == "fed-prod").Cluster!.Server);
        Assert.Equal("fed-prod", merged.CurrentContext);
        var (_, current, _) = await Kubectl.RunAsync("config", "current-context", "--kubeconfig", path);
        Assert.Equal("fed-prod", current.Trim());
    }

    [Fact]
    public async Task Merge_into_a_missing_file_creates_it_with_the_new_context_current()
    {
        var path = folder.File("new/config");

        var result = await Federation().MergeIntoAsync(path);

        Assert.Equal("federation", result.CurrentContext);
        Assert.Equal("federation", Kubeconfig.FromYaml(await File.ReadAllTextAsync(path)).CurrentContext);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("- just\n- a list\n")]
    [InlineData("clusters: not-a-list\n")]
    [InlineData("kind: Pod\n")]
    [InlineData("clusters: [\n")]
    public async Task Merge_refuses_an_existing_file_that_is_not_a_kubeconfig_and_leaves_it_untouched(string existing)
    {
        var path = folder.File("config");
        await File.WriteAllTextAsync(path, existing);

        var error = await Assert.ThrowsAsync<KubeconfigException>(() => Federation().MergeIntoAsync(path));

        Assert.Equal(path, error.Path);
        Assert.Equal(existing, await File.ReadAllTextAsync(path));
        Assert.Equal(["config"], FilesInFolder(path));
    }

    [Fact]
    public async Task Concurrent_merges_lose_no_entries()
    {
        var path = folder.File("config");
        var configs = Enumerable.Range(0, 8).Select(i => Federation($"fleet-{i}")).ToList();

        await Task.WhenAll(configs.Select(c => Task.Run(() => c.MergeIntoAsync(path))));

        var merged = Kubeconfig.FromYaml(await File.ReadAllTextAsync(path));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"fleet-{i}"), merged.Contexts!.Select(c => c.Name!).Order());
        Assert.Equal(["config"], FilesInFolder(path));
    }

    [Theory]
    [InlineData(null, "/home/u/.kube/config")]
    [InlineData("", "/home/u/.kube/config")]
    [InlineData("/a/first:/b/second", "/a/first|/b/second")]
    [InlineData(":/b/second::/b/second", "/b/second")]
    public void KUBECONFIG_entries_are_the_files_in_order_else_the_home_kube_config(string? variable, string expected)
    {
        Assert.Equal(expected.Split('|'), KubeconfigPaths.FromEnvironment(variable, "/home/u"));
    }

    [Fact]
    public void New_entries_go_to_the_first_existing_file_else_the_last_as_kubectl_writes_them()
    {
        var (first, second, third) = (folder.File("a"), folder.File("b"), folder.File("c"));
        Assert.Equal(third, KubeconfigPaths.DefaultOf([first, second, third]));

        File.WriteAllText(second, string.Empty);
        Assert.Equal(second, KubeconfigPaths.DefaultOf([first, second, third]));
        Assert.Equal(first, KubeconfigPaths.DefaultOf([first]));
    }
}
