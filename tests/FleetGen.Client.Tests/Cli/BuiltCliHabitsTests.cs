using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>
/// The built fleetgen (<c>dotnet fleetgen.dll</c>) against the fake server: the habits of az, aws and gcloud (the new
/// context becomes current, hints that can be copied, --verbose, completion) and the exec plugin as kubectl runs it.
/// </summary>
public sealed class BuiltCliHabitsTests : IAsyncLifetime
{
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string Kubeconfig => folder.File("kubeconfig");

    private string CacheFolder => folder.File("cache/fleetgen");

    private string[] Connection => ["--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];

    private static string[] Vpc => ["--project-id", "p-1", "--vpc-id", "v-1", "--subnet-id", "s-1"];

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private async Task<DotnetCli.Result> RunAsync(IReadOnlyDictionary<string, string?>? more, params string[] arguments)
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
        foreach (var (name, value) in more ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var result = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), environment, [BuiltTool, .. arguments]);
        outputs.Add(result.Output);
        return result;
    }

    private Task<DotnetCli.Result> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    private async Task ConnectAsync(string fleet = FakeUcsServerOptions.DefaultFleet) =>
        Assert.Equal(0, (await RunAsync(["federation", "connect", "--fleet", fleet, .. Vpc, .. Connection])).ExitCode);

    private async Task WriteOldKubeconfigAsync() =>
        await File.WriteAllTextAsync(Kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: old\n  cluster:\n    server: https://old.example:6443\nusers:\n- name: old\n  user:\n    token: old-token\ncontexts:\n- name: old\n  context:\n    cluster: old\n    user: old\ncurrent-context: old\n");

    private static string CurrentContextOf(string kubeconfig) =>
        File.ReadAllLines(kubeconfig).Single(l => l.StartsWith("current-context:", StringComparison.Ordinal))["current-context:".Length..].Trim();

    [Fact]
    public async Task Get_credentials_makes_the_new_context_current_and_says_which_was()
    {
        await WriteOldKubeconfigAsync();

        var run = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Switched to context \"ucs-fleet-demo\" (was \"old\").", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("ucs-fleet-demo", CurrentContextOf(Kubeconfig));
    }

    [Fact]
    public async Task Get_credentials_into_a_kubeconfig_without_a_current_context_says_there_was_none()
    {
        var json = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, "--output", "json", .. Connection]);
        await File.WriteAllTextAsync(Kubeconfig, string.Empty);
        var text = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, .. Connection]);

        Assert.True(json.ExitCode == 0, json.Output);
        var answer = JsonNode.Parse(json.StandardOutput)!;
        Assert.Equal("ucs-fleet-demo", (string?)answer["currentContext"]);
        Assert.Null((string?)answer["previousContext"]);
        Assert.True(text.ExitCode == 0, text.Output);
        Assert.Contains("Switched to context \"ucs-fleet-demo\" (there was none).", text.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_current_keeps_it_and_set_current_is_still_accepted()
    {
        await WriteOldKubeconfigAsync();

        var kept = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, "--keep-current", "--output", "json", .. Connection]);
        var keptContext = CurrentContextOf(Kubeconfig);
        var set = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, "--set-current", .. Connection]);
        var both = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, "--set-current", "--keep-current", .. Connection]);

        Assert.True(kept.ExitCode == 0, kept.Output);
        Assert.Equal("old", keptContext);
        Assert.Equal("old", (string?)JsonNode.Parse(kept.StandardOutput)!["previousContext"]);
        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Equal("ucs-fleet-demo", CurrentContextOf(Kubeconfig));
        Assert.True(both.ExitCode == 2, both.Output);
        Assert.Contains("--keep-current", both.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_hint_repeats_the_connection_flags_given()
    {
        ucs.AddFleet("fleet-new", federationEnabled: false);
        var tokenFile = folder.File("token");
        await File.WriteAllTextAsync(tokenFile, FakeUcsServerOptions.DefaultToken);

        var run = await RunAsync(new Dictionary<string, string?> { ["UCS_AUTH_TOKEN"] = null }, ["federation", "enable", "--fleet", "fleet-new", "--token-file", tokenFile, "--auth", "token", .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Follow it with: fleetgen federation wait --fleet fleet-new --endpoint {ucs.BaseUrl} --allow-http --auth token --token-file {tokenFile}", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_and_connect_while_federation_is_being_created_say_so_and_how_to_wait()
    {
        ucs.AddFleet("fleet-new", federationEnabled: false);
        ucs.StallNextJob();
        Assert.Equal(0, (await RunAsync(["federation", "enable", "--fleet", "fleet-new", .. Connection])).ExitCode);

        var upgrade = await RunAsync(["federation", "upgrade", "--fleet", "fleet-new", .. Connection]);
        var connect = await RunAsync(["federation", "connect", "--fleet", "fleet-new", "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", .. Connection]);

        foreach (var run in new[] { upgrade, connect })
        {
            Assert.True(run.ExitCode == 4, run.Output);
            Assert.Contains("being created", run.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("not enabled", run.StandardError, StringComparison.Ordinal);
            Assert.Contains($"fleetgen federation wait --fleet fleet-new --endpoint {ucs.BaseUrl} --allow-http", run.StandardError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fleet_without_federation_gets_a_hint_with_its_id_not_a_placeholder()
    {
        ucs.AddFleet("fleet-new", federationEnabled: false);

        var run = await RunAsync(["federation", "upgrade", "--fleet", "fleet-new", .. Connection]);

        Assert.True(run.ExitCode == 4, run.Output);
        Assert.Contains($"fleetgen federation enable --fleet fleet-new --endpoint {ucs.BaseUrl} --allow-http --wait", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("<id>", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_that_is_not_allowed_is_named_on_one_line()
    {
        var run = await RunAsync("fleet", "show", "--fleet", "f", "--region", "xx");

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("--region: \"xx\" is not one of cn, intl.", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_duration_defaults_as_the_parser_accepts_them()
    {
        var help = await RunAsync("fleet", "show", "--help");

        Assert.Contains("[default: 30s]", help.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00:30", help.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_refuses_what_the_real_run_refuses_before_sending()
    {
        var run = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--kubeconfig", Kubeconfig, "--duration", "2000", "--dry-run", .. Connection]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("duration", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Fact]
    public async Task A_conflict_names_the_flag_while_the_library_names_its_option()
    {
        await File.WriteAllTextAsync(Kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: mine\n  cluster:\n    server: https://mine.example:6443\n");

        var run = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", Kubeconfig, .. Connection]);

        Assert.True(run.ExitCode == 5, run.Output);
        Assert.Contains("--overwrite-existing", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("OverwriteExisting", run.StandardError, StringComparison.Ordinal);
        var library = await Assert.ThrowsAsync<FleetGen.Client.KubeconfigFiles.KubeconfigException>(() => FleetGen.Client.KubeconfigFiles.KubeconfigPreflight.CheckSaveAsync("ucs-fleet-demo", Kubeconfig));
        Assert.Contains("KubeconfigSaveOptions.OverwriteExisting", library.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--overwrite-existing", library.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_prints_each_call_without_a_credential()
    {
        var run = await RunAsync(["fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--verbose", .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches($@"fleetgen: GET {ucs.BaseUrl}\S*/clustergroups/fleet-demo -> 200 in \d+ ms \(request id \S+\)", run.StandardError);
        Assert.DoesNotContain("X-Auth-Token", run.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_and_values()
    {
        var commands = await RunAsync("[suggest:2]", "ge");
        var regions = await RunAsync("[suggest:30]", "fleet show --fleet f --region ");

        Assert.Contains("get-credentials", commands.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["cn", "intl"], regions.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_exec_entry_runs_this_fleetgen_by_its_path_with_an_install_hint_and_warns()
    {
        var file = folder.File("fed.kubeconfig");

        var run = await RunAsync(new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin" }, ["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", file, "--exec", .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        var exec = await File.ReadAllTextAsync(file);
        var command = exec.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("command: ", StringComparison.Ordinal))["command: ".Length..];
        Assert.True(Path.IsPathRooted(command) && command.EndsWith("/dotnet", StringComparison.Ordinal), command);
        Assert.Contains("- " + BuiltTool, exec, StringComparison.Ordinal);
        Assert.Contains("installHint: ", exec, StringComparison.Ordinal);
        Assert.Contains("Install fleetgen: dotnet tool install --global fleetgen", exec, StringComparison.Ordinal);
        Assert.Contains("fleetgen: warning: the exec entry runs", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_command_names_the_command_and_warns_when_it_is_not_on_PATH()
    {
        var file = folder.File("fed.kubeconfig");

        var run = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", file, "--exec", "--exec-command", "/opt/nowhere/fleetgen", .. Connection]);
        var withoutExec = await RunAsync(["get-credentials", .. Vpc, "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", file, "--exec-command", "fleetgen", .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("command: /opt/nowhere/fleetgen", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Contains("--exec-command: /opt/nowhere/fleetgen is not an existing file", run.StandardError, StringComparison.Ordinal);
        Assert.True(withoutExec.ExitCode == 2, withoutExec.Output);
    }

    [Theory]
    [InlineData(null, "client.authentication.k8s.io/v1")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","spec":{"interactive":false}}""", "client.authentication.k8s.io/v1beta1")]
    [InlineData("""{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"cluster":{"server":"https://x","extra":[1,2,3]}}}""", "client.authentication.k8s.io/v1")]
    public async Task The_credential_answers_in_the_apiVersion_kubectl_asks_for(string? execInfo, string expected)
    {
        await ConnectAsync();
        var run = await RunAsync(new Dictionary<string, string?> { ["KUBERNETES_EXEC_INFO"] = execInfo }, ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, .. Connection]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(expected, (string?)JsonNode.Parse(run.StandardOutput)!["apiVersion"]);
    }

    [Theory]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v2"}""", "is not supported")]
    [InlineData("""{"kind":"ExecCredential"}""", "is missing")]
    [InlineData("not json", "not a JSON object")]
    public async Task An_apiVersion_fleetgen_cannot_answer_exits_2_naming_the_fleet_and_sends_nothing(string execInfo, string problem)
    {
        var run = await RunAsync(new Dictionary<string, string?> { ["KUBERNETES_EXEC_INFO"] = execInfo }, ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, .. Connection]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("fleetgen: error: fleet fleet-demo: KUBERNETES_EXEC_INFO: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(problem, run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
        Assert.Empty(ucs.Requests);
    }

    [Fact]
    public async Task A_huge_exec_info_is_refused_unread()
    {
        var run = await RunAsync(new Dictionary<string, string?> { ["KUBERNETES_EXEC_INFO"] = "{\"x\":\"" + new string('a', 100_000) + "\"}" }, ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, .. Connection]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("longer than", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_errors_name_the_fleet()
    {
        var run = await RunAsync(["credential", "--fleet", "fleet-unknown", .. Connection]);

        Assert.True(run.ExitCode == 4, run.Output);
        Assert.StartsWith("fleetgen: error: fleet fleet-unknown: ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_clear_removes_one_fleets_certificate_or_all_and_nothing_else()
    {
        ucs.AddFleet("fleet-two");
        await ConnectAsync();
        await ConnectAsync("fleet-two");
        Assert.Equal(0, (await RunAsync(["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, .. Connection])).ExitCode);
        Assert.Equal(0, (await RunAsync(["credential", "--fleet", "fleet-two", .. Connection])).ExitCode);
        var cached = Directory.GetFiles(CacheFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, cached.Count);
        var elsewhere = folder.File("precious.json");
        await File.WriteAllTextAsync(elsewhere, "{\"kind\":\"FleetGenCredentialCache\"}");
        File.CreateSymbolicLink(Path.Combine(CacheFolder, "link.json"), elsewhere);
        var foreign = Path.Combine(CacheFolder, "notes.json");
        await File.WriteAllTextAsync(foreign, "{\"kind\":\"Something\"}");

        var one = await RunAsync("credential", "clear", "--fleet", "fleet-two", "--endpoint", ucs.BaseUrl.ToString());
        var again = await RunAsync("credential", "clear", "--fleet", "fleet-two", "--endpoint", ucs.BaseUrl.ToString());
        var all = await RunAsync("credential", "clear");

        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Contains("Removed ", one.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fleet-two", one.StandardOutput, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("No cached certificate for fleet fleet-two", again.StandardOutput, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.Output);
        Assert.Contains("1 cached certificate removed", all.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["link.json", "notes.json"], Directory.GetFiles(CacheFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(elsewhere));
    }
}
