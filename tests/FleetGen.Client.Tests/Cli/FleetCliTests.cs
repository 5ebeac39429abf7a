using System.Text.Json.Nodes;
using FleetGen.Client.KubeconfigFiles;
using Microsoft.AspNetCore.Http;
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
    private const string ProdId = "4f1c2d3e-7949-11ee-886c-0255ac100037";
    private const string DevId = "5a2b3c4d-22bf-11ee-b0c9-0255ac10004b";
    private const string EuId = "b0d1ecb5-7947-11ee-9467-0255ac1001bf";
    private const string SpareId = "57ef11e7-7d72-11ee-a590-0255ac100b05";
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string[] Connection => ["--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];

    private string Kubeconfig => folder.File("kubeconfig");

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromMilliseconds(100) });
        ucs.AddFleet(ProdId, "prod");
        ucs.AddFleet(DevId, "dev", federationEnabled: false);
        ucs.AddCluster(EuId, "prod-eu", ProdId);
        ucs.AddCluster(SpareId, "spare");
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private Task<DotnetCli.Result> RunAsync(params string[] arguments) => RunWithoutConnectionAsync([.. arguments, .. Connection]);

    private async Task<DotnetCli.Result> RunWithoutConnectionAsync(params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), CliEnvironment.Of(folder.Path, kubeCacheDirectory: folder.File("cache")), [BuiltTool, .. arguments]);
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

    private IReadOnlyList<string> Calls() => ucs.Requests.Select(r => $"{r.Method} {r.RawTarget}").ToList();

    [Fact]
    public async Task Fleet_list_prints_a_table_and_one_json_object_of_every_fleet()
    {
        var table = await RunAsync("fleet", "list");
        var json = await RunAsync("fleet", "list", "--output", "json");

        Assert.True(table.ExitCode == 0, table.Output);
        Assert.Equal(
            [
                "NAME         ID                                     FEDERATION    VERSION   DESCRIPTION",
                $"dev          {DevId}   not enabled   -         fake fleet {DevId}",
                $"prod         {ProdId}   Available     v1.3.0    fake fleet {ProdId}",
                $"fleet-demo   fleet-demo                             Available     v1.3.0    fake fleet fleet-demo",
            ],
            table.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(json.ExitCode == 0, json.Output);
        Assert.Equal(
            $$"""{"fleets":[{"id":"{{DevId}}","name":"dev","federation":null,"version":null,"description":"fake fleet {{DevId}}"},{"id":"{{ProdId}}","name":"prod","federation":"Available","version":"v1.3.0","description":"fake fleet {{ProdId}}"},{"id":"fleet-demo","name":"fleet-demo","federation":"Available","version":"v1.3.0","description":"fake fleet fleet-demo"}]}""",
            json.StandardOutput.Trim());
        Assert.All(ucs.Requests, r => Assert.Equal("GET /v1/clustergroups?limit=100&offset=0", $"{r.Method} {r.RawTarget}"));
    }

    [Fact]
    public async Task A_name_is_resolved_through_the_fleet_list_and_an_id_is_sent_as_it_is()
    {
        var byName = await RunAsync("fleet", "show", "--fleet", "prod", "--output", "json");
        var calls = Calls();
        var byId = await RunAsync("fleet", "show", "--fleet", ProdId, "--output", "json");

        Assert.True(byName.ExitCode == 0, byName.Output);
        Assert.Equal(ProdId, (string)JsonNode.Parse(byName.StandardOutput)!["fleet"]!);
        Assert.Equal("prod", (string)JsonNode.Parse(byName.StandardOutput)!["name"]!);
        Assert.Equal(["GET /v1/clustergroups?limit=100&offset=0", $"GET /v1/clustergroups/{ProdId}"], calls);
        Assert.True(byId.ExitCode == 0, byId.Output);
        Assert.Equal(byName.StandardOutput, byId.StandardOutput);
        Assert.Equal([.. calls, $"GET /v1/clustergroups/{ProdId}"], Calls());
    }

    [Fact]
    public async Task An_ambiguous_name_exits_2_listing_the_ids_and_sends_nothing_else()
    {
        ucs.AddFleet(UnusedId, "prod");

        var run = await RunAsync("federation", "enable", "--fleet", "prod");

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Equal(
            $"fleetgen: error: --fleet: \"prod\" is ambiguous: 2 fleets have that name: {UnusedId}, {ProdId}; pass one of these ids. Nothing else was sent.",
            run.StandardError.Trim());
        Assert.Equal(["GET /v1/clustergroups?limit=100&offset=0"], Calls());
    }

    [Fact]
    public async Task An_unknown_name_is_a_clear_error_and_sends_nothing_else()
    {
        var fleet = await RunAsync("federation", "disable", "--fleet", "staging", "--yes");
        var cluster = await RunAsync("cluster", "show", "--cluster", "nowhere");

        Assert.True(fleet.ExitCode == 4, fleet.Output);
        Assert.Contains("--fleet: no fleet has the id or name \"staging\" (fleetgen fleet list shows them). Nothing else was sent.", fleet.StandardError, StringComparison.Ordinal);
        Assert.True(cluster.ExitCode == 4, cluster.Output);
        Assert.Contains("--cluster: no cluster has the id or name \"nowhere\" (fleetgen cluster list shows them).", cluster.StandardError, StringComparison.Ordinal);
        Assert.Equal(["GET /v1/clustergroups?limit=100&offset=0", "GET /v1/clusters?limit=100&offset=0"], Calls());
    }

    [Fact]
    public async Task A_fleet_is_created_with_a_cluster_named_joined_by_another_left_and_deleted()
    {
        var created = await RunAsync("fleet", "create", "--name", "staging", "--description", "before prod", "--cluster", "spare", "--output", "json");
        var id = (string)JsonNode.Parse(created.StandardOutput)!["id"]!;
        var fleet = () => ucs.Fleets.Single(f => f.Id == id);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Equal($$"""{"id":"{{id}}","name":"staging","clusters":["{{SpareId}}"]}""", created.StandardOutput.Trim());
        Assert.Equal(("staging", "before prod", SpareId), (fleet().Name, fleet().Description, Assert.Single(fleet().ClusterIds)));

        ucs.AddCluster(UnusedId, "lone");
        var added = await RunAsync("fleet", "add-cluster", "--fleet", "staging", "--cluster", "lone");
        Assert.True(added.ExitCode == 0, added.Output);
        Assert.Equal($"Added cluster lone ({UnusedId}) to fleet staging ({id}).", added.StandardOutput.Trim());
        Assert.Equal([UnusedId, SpareId], fleet().ClusterIds.Order());

        var removed = await RunAsync("fleet", "remove-cluster", "--fleet", "staging", "--cluster", "spare", "--cluster", UnusedId, "--yes", "--output", "json");
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.Equal($$"""{"fleet":"{{id}}","action":"removed","clusters":["{{SpareId}}","{{UnusedId}}"]}""", removed.StandardOutput.Trim());
        Assert.Empty(fleet().ClusterIds);

        var deleted = await RunAsync("fleet", "delete", "--fleet", "staging", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.Output);
        Assert.Equal($"Deleted fleet staging ({id}).", deleted.StandardOutput.Trim());
        Assert.DoesNotContain(ucs.Fleets, f => f.Id == id);
    }

    [Fact]
    public async Task Remove_cluster_checks_every_cluster_is_the_fleets_before_removing_any()
    {
        var run = await RunAsync("fleet", "remove-cluster", "--fleet", "prod", "--cluster", EuId, "--cluster", SpareId, "--yes");

        Assert.True(run.ExitCode == 4, run.Output);
        Assert.Contains($"--cluster: no cluster of fleet prod ({ProdId}) has the id or name \"{SpareId}\"", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(ucs.Requests, r => r.Method == "POST");
        Assert.Equal(ProdId, ucs.Clusters.Single(c => c.Id == EuId).FleetId);
    }

    [Fact]
    public async Task Cluster_list_and_show_print_a_fleets_clusters_as_a_table_and_json()
    {
        var all = await RunAsync("cluster", "list");
        var prod = await RunAsync("cluster", "list", "--fleet", "prod", "--output", "json");
        var show = await RunAsync("cluster", "show", "--cluster", "prod-eu", "--output", "json");

        Assert.True(all.ExitCode == 0, all.Output);
        var lines = all.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "ID", "FLEET", "TYPE", "PHASE", "KUBERNETES"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["prod-eu", "spare"], lines[1..].Select(l => l.Split(' ')[0]).Order());
        Assert.True(prod.ExitCode == 0, prod.Output);
        var clusters = JsonNode.Parse(prod.StandardOutput)!;
        Assert.Equal(ProdId, (string)clusters["fleet"]!);
        var cluster = Assert.Single(clusters["clusters"]!.AsArray())!;
        Assert.Equal(
            ["id", "name", "fleet", "type", "category", "manageType", "phase", "kubernetesVersion", "region"],
            cluster.AsObject().Select(p => p.Key));
        Assert.Equal((EuId, "prod-eu", ProdId, "cce"), ((string)cluster["id"]!, (string)cluster["name"]!, (string)cluster["fleet"]!, (string)cluster["type"]!));
        Assert.True(show.ExitCode == 0, show.Output);
        Assert.Equal(cluster.ToJsonString(), JsonNode.Parse(show.StandardOutput)!.ToJsonString());
        Assert.Contains($"GET /v1/clusters?clustergroupid={ProdId}&limit=100&offset=0", Calls());
    }

    [Fact]
    public async Task Get_credentials_for_a_cluster_plans_merges_and_switches_as_for_a_fleet()
    {
        var dryRun = await RunAsync("get-credentials", "--cluster", "prod-eu", "--kubeconfig", Kubeconfig, "--dry-run", "--output", "json");
        Assert.True(dryRun.ExitCode == 0, dryRun.Output);
        var plan = JsonNode.Parse(dryRun.StandardOutput)!;
        Assert.Equal(("CreateClusterKubeconfig", $"ucs-cluster-{EuId}"), ((string)plan["call"]!, (string)plan["currentContextAfter"]!));
        Assert.False(File.Exists(Kubeconfig));
        Assert.DoesNotContain(ucs.Requests, r => r.Method == "POST");

        var run = await RunAsync("get-credentials", "--cluster", "prod-eu", "--kubeconfig", Kubeconfig);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Merged context \"ucs-cluster-{EuId}\" into {Kubeconfig}.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Switched to context \"ucs-cluster-{EuId}\" (there was none).", run.StandardOutput, StringComparison.Ordinal);
        var config = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig));
        Assert.Equal($"ucs-cluster-{EuId}", config.CurrentContext);
        Assert.Equal(ucs.Kubernetes.Url.ToString().TrimEnd('/'), Assert.Single(config.Clusters!).Cluster!.Server);
        Assert.NotNull(Assert.Single(config.Users!).User!.ClientCertificateData);
        Assert.Single(ucs.Requests, r => $"{r.Method} {r.RawTarget}" == $"POST /v1/clusters/{EuId}/kubeconfig");
    }

    [Fact]
    public async Task Get_credentials_for_a_cluster_with_exec_writes_the_plugin_that_serves_its_cache()
    {
        var run = await RunAsync("get-credentials", "--cluster", EuId, "--kubeconfig", Kubeconfig, "--exec", "--exec-command", "fleetgen");
        Assert.True(run.ExitCode == 0, run.Output);
        var user = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig)).Users!.Single().User!;
        var exec = Assert.IsType<Dictionary<string, object>>(user.AdditionalData["exec"]);
        Assert.Equal<object?>(["credential", $"--cluster={EuId}", $"--endpoint={ucs.BaseUrl}", "--allow-http"], Assert.IsType<List<object?>>(exec["args"]));
        var requests = ucs.Requests.Count;

        var cached = await RunAsync("credential", $"--cluster={EuId}");
        Assert.True(cached.ExitCode == 0, cached.Output);
        Assert.Equal("ExecCredential", (string)JsonNode.Parse(cached.StandardOutput)!["kind"]!);
        Assert.Equal(requests, ucs.Requests.Count);

        foreach (var file in Directory.GetFiles(folder.File("cache/fleetgen"), "*.json"))
        {
            File.Delete(file);
        }

        var renewed = await RunAsync("credential", $"--cluster={EuId}");
        Assert.True(renewed.ExitCode == 0, renewed.Output);
        Assert.NotEqual((string)JsonNode.Parse(cached.StandardOutput)!["status"]!["clientCertificateData"]!, (string)JsonNode.Parse(renewed.StandardOutput)!["status"]!["clientCertificateData"]!);
        Assert.Equal([$"POST /v1/clusters/{EuId}/kubeconfig"], Calls().Skip(requests));

        var cleared = await RunWithoutConnectionAsync("credential", "clear", "--cluster", EuId, "--endpoint", ucs.BaseUrl.ToString());
        Assert.True(cleared.ExitCode == 0, cleared.Output);
        Assert.StartsWith($"Removed {folder.File("cache/fleetgen")}/", cleared.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.File("cache/fleetgen"), "*.json"));
    }

    [Fact]
    public async Task Federation_versions_are_listed_and_upgrade_takes_only_an_offered_one()
    {
        var versions = await RunAsync("federation", "versions", "--output", "json");
        var forProd = await RunAsync("federation", "versions", "--fleet", "prod");
        var refused = await RunAsync("federation", "upgrade", "--fleet", "prod", "--version", "v9.9.9");

        Assert.True(versions.ExitCode == 0, versions.Output);
        Assert.Equal("""{"fleet":null,"currentVersion":null,"versions":[{"current":"v1.3.0","targets":["v1.4.0","v1.5.0"]},{"current":"v1.4.0","targets":["v1.5.0"]},{"current":"v1.5.0","targets":[]}]}""", versions.StandardOutput.Trim());
        Assert.True(forProd.ExitCode == 0, forProd.Output);
        Assert.Contains("Upgrades:   v1.4.0, v1.5.0", forProd.StandardOutput, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains($"--version: \"v9.9.9\" is not a version UCS offers for fleet {ProdId}'s federation version v1.3.0; offered: v1.4.0, v1.5.0. No upgrade was sent.", refused.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(ucs.Requests, r => r.Method == "POST");

        var upgraded = await RunAsync("federation", "upgrade", "--fleet", "prod", "--version", "v1.5.0", "--wait", "--poll-interval", "100ms");
        Assert.True(upgraded.ExitCode == 0, upgraded.Output);
        Assert.Equal("v1.5.0", ucs.Fleets.Single(f => f.Id == ProdId).Version);
    }

    [Theory]
    [InlineData("two contexts")]
    [InlineData("a context without its user")]
    public async Task A_clusters_kubeconfig_keeps_only_its_current_context_and_an_unusable_one_is_never_written(string kind)
    {
        using var pki = new FakeCertificateAuthority();
        var answer = pki.IssueKubeconfig("internal", "https://192.168.1.251:5443");
        answer.Clusters!.Add(new FleetGen.Client.Models.NamedCluster { Name = "externalCluster", Cluster = new FleetGen.Client.Models.ClusterCert { Server = "https://203.0.113.7:5443", CertificateAuthorityData = pki.CertificateData } });
        answer.Contexts!.Add(new FleetGen.Client.Models.NamedContext { Name = "external", Context = new FleetGen.Client.Models.Context { Cluster = "externalCluster", User = kind == "two contexts" ? "internal" : "ghost" } });
        answer.CurrentContext = "external";
        using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
        writer.WriteObjectValue(null, answer);
        var json = await new StreamReader(writer.GetSerializedContent()).ReadToEndAsync();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Method == "POST" && context.Request.Path == $"/v1/clusters/{EuId}/kubeconfig" ? 201 : 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Response.StatusCode == 201 ? json : "{}");
        });

        var run = await RunWithoutConnectionAsync("get-credentials", "--cluster", EuId, "--file", Kubeconfig, "--endpoint", server.BaseUrl.ToString(), "--allow-http");

        if (kind == "two contexts")
        {
            Assert.True(run.ExitCode == 0, run.Output);
            var config = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig));
            Assert.Equal(($"ucs-cluster-{EuId}", "https://203.0.113.7:5443"), (config.CurrentContext, Assert.Single(config.Clusters!).Cluster!.Server));
            Assert.Equal(($"ucs-cluster-{EuId}", $"ucs-cluster-{EuId}"), (Assert.Single(config.Contexts!).Name, Assert.Single(config.Users!).Name));
        }
        else
        {
            // The library refuses the answer (KubeconfigAnswer): one line naming the problem.
            Assert.True(run.ExitCode == 4, run.Output);
            Assert.Equal(
                "fleetgen: error: UCS answered 201 (Created), but the body is not a usable kubeconfig: contexts[\"external\"]: user \"ghost\" is not in users.",
                run.StandardError.Trim());
            Assert.False(File.Exists(Kubeconfig));
        }
    }
}
