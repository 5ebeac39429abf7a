using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>
/// The fleet operator's commands of the built fleetgen (<c>dotnet fleetgen.dll</c>) against the stateful fake: fleets
/// and clusters listed, shown, created, deleted, joined and removed; names resolved; destructive commands asked for;
/// a member cluster's kubeconfig through get-credentials; federation versions; nothing sent before flags are checked.
/// </summary>
public sealed class FleetCliTests : IAsyncLifetime
{
    private const string UnusedId = "0b6a4c8e-1f2d-4e3a-9b8c-7d6e5f4a3b2c";
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string[] Connection => ["--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private async Task<DotnetCli.Result> RunAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken,
            ["HUAWEICLOUD_SDK_AK"] = null,
            ["HUAWEICLOUD_SDK_SK"] = null,
            ["HOME"] = folder.Path,
            ["KUBECONFIG"] = null,
            ["KUBECACHEDIR"] = folder.File("cache"),
            ["KUBERNETES_EXEC_INFO"] = null,
        };
        var result = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), environment, [BuiltTool, .. arguments, .. Connection]);
        outputs.Add(result.Output);
        return result;
    }

    [Theory]
    [InlineData("fleet delete --fleet " + UnusedId, "fleet delete deletes the fleet: pass --yes")]
    [InlineData("fleet delete --fleet prod", "fleet delete deletes the fleet: pass --yes")]
    [InlineData("fleet remove-cluster --fleet prod --cluster c1", "fleet remove-cluster takes the clusters out of the fleet (and out of its federation): pass --yes")]
    [InlineData("federation disable --fleet prod", "disable removes the fleet's federation and its VPC endpoints: pass --yes")]
    public async Task A_destructive_command_without_a_terminal_needs_yes_and_sends_nothing(string command, string message)
    {
        var run = await RunAsync(command.Split(' '));

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent.", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Theory]
    [InlineData("get-credentials --fleet f --cluster c", "Give one of --fleet (the federation's kubeconfig) and --cluster (a member cluster's).")]
    [InlineData("get-credentials", "Give one of --fleet (the federation's kubeconfig) and --cluster (a member cluster's).")]
    [InlineData("get-credentials --cluster c --duration 5", "--duration applies to a fleet's federation kubeconfig")]
    [InlineData("get-credentials --cluster c --project-id p --vpc-id v --subnet-id s", "--project-id applies to a fleet's federation kubeconfig")]
    [InlineData("credential --fleet f --cluster c", "Give one of --fleet and --cluster.")]
    [InlineData("credential --cluster c --duration 5", "--duration applies to a fleet's federation certificate")]
    [InlineData("fleet create --description d", "--name")]
    [InlineData("fleet create --name  ", "--name: must not be blank or hold a control character.")]
    [InlineData("fleet add-cluster --fleet prod", "--cluster")]
    [InlineData("fleet show --fleet  ", "--fleet: must not be blank.")]
    [InlineData("cluster show --cluster  ", "--cluster: must not be blank.")]
    [InlineData("federation upgrade --fleet prod --version  ", "--version: must not be blank or hold a control character.")]
    public async Task A_bad_flag_exits_2_naming_it_and_sends_nothing(string command, string message)
    {
        var run = await RunAsync(command.Split(' ') is var words && command.EndsWith("  ", StringComparison.Ordinal) ? [.. words[..^2], " "] : words);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }
}
