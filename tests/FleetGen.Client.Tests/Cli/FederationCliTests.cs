using System.Text.Json.Nodes;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>The fleet and federation commands of the installed fleetgen, run as processes against the stateful fake.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
[Collection(InstalledToolCollection.Name)]
public sealed class FederationCliTests(InstalledTool tool) : IAsyncLifetime
{
    private const string Fleet = "fleet-new";
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromMilliseconds(100) });
        ucs.AddFleet(Fleet, federationEnabled: false);
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private async Task<DotnetCli.Result> RunAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken, ["HUAWEICLOUD_SDK_AK"] = null, ["HUAWEICLOUD_SDK_SK"] = null, ["HOME"] = folder.Path, ["KUBECONFIG"] = null };
        var result = await DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), environment, null, [.. arguments, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"]);
        outputs.Add(result.Output);
        return result;
    }

    private IReadOnlyList<string> Posts() => ucs.Requests.Where(r => r.Method == "POST").Select(r => r.RawTarget.Split('/')[^1]).ToList();

    [Fact]
    public async Task Enable_with_wait_prints_one_progress_line_per_change_and_the_finished_job()
    {
        // Sub-jobs of a second each, polled every 100 ms: the "2 of 4" state lasts ten polls, however slow a start.
        await ucs.DisposeAsync();
        ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromSeconds(1) });
        ucs.AddFleet(Fleet, federationEnabled: false);

        var run = await RunAsync("federation", "enable", "--fleet", Fleet, "--wait", "--poll-interval", "100ms", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Output);
        var job = JsonNode.Parse(run.StandardOutput)!["job"]!;
        Assert.Equal(("CreateFederation", "Success", 4), ((string)job["type"]!, (string)job["phase"]!, job["subJobs"]!.AsArray().Count));
        var progress = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("fleetgen: CreateFederation Success: 4 of 4 sub-jobs done", progress[^1]);
        Assert.Equal(progress.Length, progress.Distinct().Count());
        Assert.Contains("fleetgen: CreateFederation Running: 2 of 4 sub-jobs done, running CreateCert", progress);

        var show = await RunAsync("fleet", "show", "--fleet", Fleet, "--output", "json");
        Assert.Equal("Available", (string)JsonNode.Parse(show.StandardOutput)!["federation"]!["status"]!);
    }

    [Fact]
    public async Task Connect_and_get_credentials_never_create_a_second_endpoint()
    {
        await RunAsync("federation", "enable", "--fleet", Fleet, "--wait", "--poll-interval", "100ms");
        var file = folder.File("fed.kubeconfig");

        var withoutVpc = await RunAsync("get-credentials", "--fleet", Fleet, "--file", file);
        var connect = await RunAsync("federation", "connect", "--fleet", Fleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s");
        var again = await RunAsync("federation", "connect", "--fleet", Fleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--output", "json");
        var credentials = await RunAsync("get-credentials", "--fleet", Fleet, "--file", file);

        Assert.Equal(2, withoutVpc.ExitCode);
        Assert.Contains("has no federation connection yet: pass --project-id, --vpc-id and --subnet-id to create one", withoutVpc.StandardError, StringComparison.Ordinal);
        Assert.Contains("(created now)", connect.StandardOutput, StringComparison.Ordinal);
        Assert.False((bool)JsonNode.Parse(again.StandardOutput)!["created"]!);
        Assert.True(credentials.ExitCode == 0, credentials.Output);
        Assert.Equal(["federations", "connection", "kubeconfig"], Posts());
    }

    [Fact]
    public async Task Get_credentials_on_a_fleet_without_connection_creates_it_once_and_then_downloads()
    {
        var file = folder.File("fed.kubeconfig");
        var first = await RunAsync("get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--file", file);
        var second = await RunAsync("get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", file, "--overwrite-existing");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(["cert", "kubeconfig"], Posts());
    }

    [Fact]
    public async Task Credentials_while_federation_is_being_created_are_refused_with_its_state()
    {
        ucs.StallNextJob();
        await RunAsync("federation", "enable", "--fleet", Fleet);

        var run = await RunAsync("get-credentials", "--fleet", Fleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--file", folder.File("fed.kubeconfig"));

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("is Creating: credentials can be fetched when it is Available or Connected", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(["federations"], Posts());
    }

    [Fact]
    public async Task Disable_without_a_terminal_needs_yes_and_sends_nothing_without_it()
    {
        var refused = await RunAsync("federation", "disable", "--fleet", FakeUcsServerOptions.DefaultFleet, "--wait");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("pass --yes to confirm", refused.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);

        var disabled = await RunAsync("federation", "disable", "--fleet", FakeUcsServerOptions.DefaultFleet, "--yes", "--wait", "--poll-interval", "100ms");
        Assert.True(disabled.ExitCode == 0, disabled.Output);
        Assert.Contains("DeleteFederation", disabled.StandardOutput, StringComparison.Ordinal);
        var show = await RunAsync("fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet);
        Assert.Contains("not enabled", show.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_and_rollback_wait_for_their_jobs_and_change_the_version()
    {
        var upgrade = await RunAsync("federation", "upgrade", "--fleet", FakeUcsServerOptions.DefaultFleet, "--version", "v1.5.0", "--wait", "--poll-interval", "100ms");
        var upgraded = await RunAsync("fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--output", "json");
        var rollback = await RunAsync("federation", "rollback", "--fleet", FakeUcsServerOptions.DefaultFleet, "--wait", "--poll-interval", "100ms");
        var status = await RunAsync("federation", "status", "--fleet", FakeUcsServerOptions.DefaultFleet, "--output", "json");

        Assert.True(upgrade.ExitCode == 0 && rollback.ExitCode == 0, upgrade.Output + rollback.Output);
        Assert.Equal("v1.5.0", (string)JsonNode.Parse(upgraded.StandardOutput)!["version"]!);
        var job = JsonNode.Parse(status.StandardOutput)!["job"]!;
        Assert.Equal(("RollbackFederation", "Success"), ((string)job["type"]!, (string)job["phase"]!));
    }

    [Fact]
    public async Task A_failed_job_exits_7_and_a_wait_that_times_out_exits_8()
    {
        ucs.FailNextJob("CreateNetworkResource", "subnet has no free addresses");
        var failed = await RunAsync("federation", "enable", "--fleet", Fleet, "--wait", "--poll-interval", "100ms");

        ucs.AddFleet("fleet-slow", federationEnabled: false);
        ucs.StallNextJob();
        var stalled = await RunAsync("federation", "enable", "--fleet", "fleet-slow", "--wait", "--poll-interval", "100ms", "--timeout", "1s");

        Assert.Equal(7, failed.ExitCode);
        Assert.Contains("sub-job CreateNetworkResource", failed.StandardError, StringComparison.Ordinal);
        Assert.Contains("subnet has no free addresses", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal(8, stalled.ExitCode);
        Assert.Contains("did not end within 1 s; it stood at: CreateFederation Running: 3 of 4 sub-jobs done, running CreateNode", stalled.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("0s")]
    [InlineData("-1m")]
    [InlineData("1.5h")]
    public async Task A_duration_that_is_not_one_exits_2_naming_the_flag(string duration)
    {
        var run = await RunAsync("federation", "wait", "--fleet", Fleet, "--timeout", duration);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--timeout: \"{duration}\" is not a duration such as 90s, 5m or 1h", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Fact]
    public async Task Five_connect_runs_at_once_make_one_endpoint_and_two_get_credentials_runs_one_more_fleet_one()
    {
        ucs.AddFleet("fleet-other");
        ucs.AddFleet(Fleet + "-fed");

        var connects = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RunAsync("federation", "connect", "--fleet", Fleet + "-fed", "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s")));
        var fetches = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => RunAsync("get-credentials", "--fleet", "fleet-other", "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--file", folder.File($"other-{i}.kubeconfig"))));

        Assert.All(connects.Concat(fetches), run => Assert.True(run.ExitCode == 0, run.Output));
        Assert.Equal(["cert", "connection", "kubeconfig"], Posts().Order());
    }

    [Fact]
    public async Task Twenty_get_credentials_runs_at_once_into_one_kubeconfig_all_succeed()
    {
        var kubeconfig = folder.File("kube/config");
        Directory.CreateDirectory(folder.File("kube"));
        var fleets = Enumerable.Range(1, 20).Select(i => $"fleet-{i:00}").ToList();
        fleets.ForEach(f => ucs.AddFleet(f));

        var runs = await Task.WhenAll(fleets.Select(f => RunAsync("get-credentials", "--fleet", f, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--kubeconfig", kubeconfig)));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
        var merged = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(kubeconfig));
        Assert.Equal(fleets.Select(f => $"ucs-{f}"), merged.Contexts!.Select(c => c.Name!).Order());
        Assert.Contains(merged.CurrentContext, fleets.Select(f => $"ucs-{f}"));
        Assert.Equal(20, Posts().Count);
    }

    [Fact]
    public async Task A_full_disk_under_the_kubeconfig_is_exit_5_before_the_first_request()
    {
        await using var disk = await SmallDisk.MountAsync(folder.File("small-disk"), kilobytes: 256);
        var kubeconfig = disk.File("config");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\n");
        disk.FillLeaving(leftKilobytes: 16);
        ucs.AddFleet("fleet-full");

        var run = await RunAsync("get-credentials", "--fleet", "fleet-full", "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s", "--kubeconfig", kubeconfig);

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("cannot reserve the disk space", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(ucs.Requests, r => r.RawTarget.Contains("fleet-full", StringComparison.Ordinal));
        Assert.Equal("apiVersion: v1\nkind: Config\n", await File.ReadAllTextAsync(kubeconfig));
    }
}
