using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>
/// The exec entry the built fleetgen writes (<c>dotnet fleetgen.dll</c>: the dotnet host and the dll by their paths)
/// run by the machine's kubectl, with the entry's apiVersion set to v1beta1: kubectl passes it in
/// KUBERNETES_EXEC_INFO and refuses an ExecCredential of another version.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
public sealed class KubectlExecApiVersionTests : IAsyncLifetime
{
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string Kubeconfig => folder.File("kubeconfig");

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken,
        ["HUAWEICLOUD_SDK_AK"] = null,
        ["HUAWEICLOUD_SDK_SK"] = null,
        ["KUBECONFIG"] = null,
        ["KUBECACHEDIR"] = null,
        ["KUBERNETES_EXEC_INFO"] = null,
        ["HOME"] = folder.Path,
    };

    [Fact]
    public async Task Kubectl_runs_the_written_entry_and_gets_the_v1beta1_answer_it_asked_for()
    {
        var run = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), Environment(),
        [
            BuiltTool, "get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--project-id", "p-1", "--vpc-id", "v-1", "--subnet-id", "s-1",
            "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--kubeconfig", Kubeconfig, "--exec",
        ]);
        outputs.Add(run.Output);
        Assert.True(run.ExitCode == 0, run.Output);
        var yaml = await File.ReadAllTextAsync(Kubeconfig);
        Assert.Contains("apiVersion: client.authentication.k8s.io/v1\n", yaml, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Kubeconfig, yaml.Replace("apiVersion: client.authentication.k8s.io/v1\n", "apiVersion: client.authentication.k8s.io/v1beta1\n", StringComparison.Ordinal));
        File.SetUnixFileMode(Kubeconfig, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exitCode, output, error) = await Kubectl.RunAsync(Environment(), ["--kubeconfig", Kubeconfig, "get", "--raw", "/version"]);
        outputs.Add(output + error);

        Assert.True(exitCode == 0, error);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, output, StringComparison.Ordinal);
    }
}
