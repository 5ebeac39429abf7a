using System.Text.Json.Nodes;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>The fleet operator's commands of the installed fleetgen (native on linux-x64), run as processes against the fake, with kubectl reading what they wrote.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
[Collection(InstalledToolCollection.Name)]
public sealed class FleetCliProcessTests(InstalledTool tool) : IAsyncLifetime
{
    private const string ProdId = "4f1c2d3e-7949-11ee-886c-0255ac100037";
    private const string EuId = "b0d1ecb5-7947-11ee-9467-0255ac1001bf";
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string Kubeconfig => folder.File("kube/config");

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync();
        ucs.AddFleet(ProdId, "prod");
        ucs.AddCluster(EuId, "prod-eu", ProdId);
        Directory.CreateDirectory(folder.File("kube"));
        await File.WriteAllTextAsync(Kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: old\n  cluster:\n    server: https://old.example:6443\nusers:\n- name: old\n  user:\n    token: old-token\ncontexts:\n- name: old\n  context:\n    cluster: old\n    user: old\ncurrent-context: old\n");
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    /// <summary>What fleetgen and kubectl (and so the plugin) run with: this test's home and KUBECONFIG, the installed fleetgen first on PATH.</summary>
    private Dictionary<string, string?> Environment() => CliEnvironment.Of(folder.Path, Kubeconfig, tool: tool.Command);

    private async Task<DotnetCli.Result> FleetgenAsync(params string[] arguments)
    {
        var result = await DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), Environment(), null, [.. arguments, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"]);
        outputs.Add(result.Output);
        return result;
    }

    private async Task<string> KubectlAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await Kubectl.RunAsync(Environment(), arguments);
        outputs.Add(output + error);
        Assert.True(exitCode == 0, error);
        return output;
    }

    [Fact]
    public async Task Fleet_list_prints_a_table_and_json_of_the_fleets()
    {
        var table = await FleetgenAsync("fleet", "list");
        var json = await FleetgenAsync("fleet", "list", "--output", "json");

        Assert.True(table.ExitCode == 0, table.Output);
        var lines = table.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "ID", "FEDERATION", "VERSION", "DESCRIPTION"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["prod", ProdId, "Available", "v1.3.0"], lines.Single(l => l.StartsWith("prod ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        Assert.True(json.ExitCode == 0, json.Output);
        var fleets = JsonNode.Parse(json.StandardOutput)!["fleets"]!.AsArray();
        Assert.Equal([ProdId, FakeUcsServerOptions.DefaultFleet], fleets.Select(f => (string)f!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["id", "name", "federation", "version", "description"], fleets[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_clusters_kubeconfig_by_name_is_merged_and_kubectl_reaches_the_cluster()
    {
        var run = await FleetgenAsync("get-credentials", "--cluster", "prod-eu");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Switched to context \"ucs-cluster-{EuId}\" (was \"old\").", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["old", $"ucs-cluster-{EuId}"], (await KubectlAsync("--kubeconfig", Kubeconfig, "config", "get-contexts", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal($"ucs-cluster-{EuId}", await KubectlAsync("config", "view", "-o", "jsonpath={.current-context}"));
        Assert.Equal(ucs.Kubernetes.Url.ToString().TrimEnd('/'), await KubectlAsync("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}"));
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlAsync("get", "--raw", "/version"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_exec_kubectl_gets_the_clusters_certificate_from_the_plugin_and_then_from_its_cache()
    {
        var run = await FleetgenAsync("get-credentials", "--cluster", "prod-eu", "--exec");

        Assert.True(run.ExitCode == 0, run.Output);
        var user = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig)).Users!.Single(u => u.Name == $"ucs-cluster-{EuId}").User!;
        var exec = Assert.IsType<Dictionary<string, object>>(user.AdditionalData["exec"]);
        Assert.Equal(("fleetgen", $"--cluster={EuId}"), ((string)exec["command"], (string)Assert.IsType<List<object?>>(exec["args"])[1]!));
        var requests = ucs.Requests.Count;

        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlAsync("get", "--raw", "/version"), StringComparison.Ordinal);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlAsync("get", "--raw", "/version"), StringComparison.Ordinal);

        Assert.Equal(requests, ucs.Requests.Count);
        Assert.True(ucs.Kubernetes.VersionRequests >= 2);
    }
}
