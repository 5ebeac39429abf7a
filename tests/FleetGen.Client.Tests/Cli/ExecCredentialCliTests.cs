using System.Text.Json.Nodes;
using FleetGen.Client.Files;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>
/// get-credentials --exec and --dry-run, and the credential command as kubectl runs it: the installed fleetgen on
/// kubectl's PATH, the machine's kubectl, the fake UCS server and its Kubernetes endpoint over mutual TLS.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
[Collection(InstalledToolCollection.Name)]
public sealed class ExecCredentialCliTests(InstalledTool tool) : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    private string Kubeconfig => folder.File("kube/config");

    private string CacheFolder => folder.File(".kube/cache/fleetgen");

    private int Downloads => ucs.Requests.Count(r => r.RawTarget.EndsWith("/kubeconfig", StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync();
        Directory.CreateDirectory(folder.File("kube"));
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    /// <summary>What fleetgen and kubectl (and so the plugin) run with: this test's home, the token, the installed fleetgen first on PATH.</summary>
    private Dictionary<string, string?> Environment() => new()
    {
        ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken,
        ["HUAWEICLOUD_SDK_AK"] = null,
        ["HUAWEICLOUD_SDK_SK"] = null,
        ["KUBECONFIG"] = null,
        ["KUBECACHEDIR"] = null,
        ["HOME"] = folder.Path,
        ["PATH"] = Path.GetDirectoryName(tool.Command) + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
    };

    private async Task<DotnetCli.Result> FleetgenAsync(params string[] arguments)
    {
        var result = await DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), Environment(), null, arguments);
        outputs.Add(result.Output);
        return result;
    }

    private Task<DotnetCli.Result> GetCredentialsAsync(string fleet, params string[] more) => FleetgenAsync(
    [
        "get-credentials", "--fleet", fleet, "--project-id", "p-1", "--vpc-id", "v-1", "--subnet-id", "s-1",
        "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--kubeconfig", Kubeconfig, .. more,
    ]);

    private async Task<string> KubectlVersionAsync(string? context = null)
    {
        string[] contextArguments = context is null ? [] : ["--context", context];
        var (exitCode, output, error) = await Kubectl.RunAsync(Environment(), ["--kubeconfig", Kubeconfig, .. contextArguments, "get", "--raw", "/version"]);
        outputs.Add(output + error);
        Assert.True(exitCode == 0, error);
        return output;
    }

    [Fact]
    public async Task Kubectl_reaches_the_fleet_through_the_plugin_and_later_calls_are_served_from_the_cache()
    {
        var run = await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--exec", "--set-current");

        Assert.True(run.ExitCode == 0, run.Output);
        var config = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig));
        var user = Assert.Single(config.Users!).User!;
        Assert.Null(user.ClientCertificateData);
        Assert.Null(user.ClientKeyData);
        var exec = Assert.IsType<Dictionary<string, object>>(user.AdditionalData["exec"]);
        Assert.Equal(("client.authentication.k8s.io/v1", "fleetgen", "Never"), ((string)exec["apiVersion"], (string)exec["command"], (string)exec["interactiveMode"]));
        Assert.Equal<object?>(["credential", $"--fleet={FakeUcsServerOptions.DefaultFleet}", $"--endpoint={ucs.BaseUrl}", "--allow-http"], Assert.IsType<List<object?>>(exec["args"]));
        Assert.Equal(ucs.Kubernetes.Url.ToString().TrimEnd('/'), config.Clusters!.Single().Cluster!.Server);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(CacheFolder));
        var requests = ucs.Requests.Count;

        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlVersionAsync(), StringComparison.Ordinal);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlVersionAsync(), StringComparison.Ordinal);

        Assert.Equal(requests, ucs.Requests.Count);
        Assert.True(ucs.Kubernetes.VersionRequests >= 2);

        foreach (var file in Directory.GetFiles(CacheFolder, "*.json"))
        {
            File.Delete(file);
        }

        await KubectlVersionAsync();
        Assert.Equal(requests + 1, ucs.Requests.Count);
        Assert.EndsWith("/kubeconfig", ucs.Requests[^1].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expiring_certificate_is_renewed_once_although_five_kubectl_processes_start_together()
    {
        ucs.ClientCertificateValidity = TimeSpan.FromMinutes(30);
        Assert.True((await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--exec")).ExitCode == 0);
        ucs.ClientCertificateValidity = null;
        var downloads = Downloads;

        var versions = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => KubectlVersionAsync()));

        Assert.All(versions, v => Assert.Contains(FakeKubernetesEndpoint.GitVersion, v, StringComparison.Ordinal));
        Assert.Equal(downloads + 1, Downloads);
    }

    [Fact]
    public async Task Three_fleets_merged_with_exec_each_reach_their_own_fleet()
    {
        string[] fleets = ["fleet-a", "fleet-b", "fleet-c"];
        foreach (var fleet in fleets)
        {
            ucs.AddFleet(fleet);
            var run = await GetCredentialsAsync(fleet, "--exec");
            Assert.True(run.ExitCode == 0, run.Output);
        }

        foreach (var fleet in fleets)
        {
            await KubectlVersionAsync($"ucs-{fleet}");
            Assert.StartsWith($"CN=fleetgen-fake:{fleet}:", ucs.Kubernetes.ClientSubjects[^1], StringComparison.Ordinal);
        }

        Assert.Equal(3, Directory.GetFiles(CacheFolder, "*.json").Length);
    }

    [Fact]
    public async Task Dry_run_shows_the_plan_leaves_the_file_byte_for_byte_and_creates_nothing()
    {
        await File.WriteAllTextAsync(Kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: old\n  cluster:\n    server: https://old.example:6443\nusers:\n- name: old\n  user:\n    token: old-token\ncontexts:\n- name: old\n  context:\n    cluster: old\n    user: old\ncurrent-context: old\n");
        var before = await File.ReadAllBytesAsync(Kubeconfig);

        var run = await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--exec", "--set-current", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"add users[\"ucs-{FakeUcsServerOptions.DefaultFleet}\"] to {Kubeconfig}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"current context: \"old\" -> \"ucs-{FakeUcsServerOptions.DefaultFleet}\" in {Kubeconfig}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(CreateFederationCert)", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Kubeconfig));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(folder.File("kube")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(folder.File(".kube")));
        // Reads only: the lookup of "fleet-demo" (not in UCS's id form) in the fleet list, then the fleet.
        Assert.Equal(["GET /v1/clustergroups?limit=100&offset=0", $"GET /v1/clustergroups/{FakeUcsServerOptions.DefaultFleet}"], ucs.Requests.Select(r => $"{r.Method} {r.RawTarget}"));

        var json = await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--dry-run", "--keep-current", "--output", "json");
        var report = JsonNode.Parse(json.StandardOutput)!;
        Assert.Equal((true, "CreateFederationCert", "old", "old"), (report["dryRun"]!.GetValue<bool>(), report["call"]!.GetValue<string>(), report["currentContextBefore"]!.GetValue<string>(), report["currentContextAfter"]!.GetValue<string>()));
        Assert.Equal(["add", "add", "add"], report["changes"]!.AsArray().Select(c => c!["action"]!.GetValue<string>()));
        Assert.Equal(before, await File.ReadAllBytesAsync(Kubeconfig));
    }

    [Fact]
    public async Task The_credential_command_prints_an_ExecCredential_replaces_a_corrupt_cache_and_fails_in_one_line()
    {
        Assert.True((await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--exec")).ExitCode == 0);
        var cacheFile = Assert.Single(Directory.GetFiles(CacheFolder, "*.json"));
        await File.WriteAllTextAsync(cacheFile, "{\"kind\": \"FleetGenCredentialCache\", \"version\": 1, \"clientKeyData\": \"half");
        string[] credential = ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];

        var run = await FleetgenAsync(credential);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(string.Empty, run.StandardError);
        var status = JsonNode.Parse(run.StandardOutput)!;
        Assert.Equal(("client.authentication.k8s.io/v1", "ExecCredential"), (status["apiVersion"]!.GetValue<string>(), status["kind"]!.GetValue<string>()));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", status["status"]!["clientCertificateData"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("PRIVATE KEY-----", status["status"]!["clientKeyData"]!.GetValue<string>(), StringComparison.Ordinal);
        var expiry = DateTimeOffset.Parse(status["status"]!["expirationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromDays(26), TimeSpan.FromDays(27.1));
        Assert.Equal(run.StandardOutput, (await FleetgenAsync(credential)).StandardOutput);
        var requests = ucs.Requests.Count;
        var hitWithoutCredentials = await DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), new Dictionary<string, string?>(Environment()) { ["UCS_AUTH_TOKEN"] = null }, null, credential);
        Assert.True(hitWithoutCredentials.ExitCode == 0, hitWithoutCredentials.Output);
        Assert.Equal(run.StandardOutput, hitWithoutCredentials.StandardOutput);
        Assert.Equal(requests, ucs.Requests.Count);

        var failed = await FleetgenAsync(["credential", "--fleet", "no-such-fleet", "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"]);

        Assert.Equal(4, failed.ExitCode);
        Assert.Equal(string.Empty, failed.StandardOutput);
        Assert.Single(failed.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("fleetgen: error: fleet no-such-fleet: UCS.01100005", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@injected")]
    [InlineData("-dash-fleet")]
    public async Task A_fleet_id_that_starts_with_at_or_dash_is_written_so_that_it_parses_back_as_itself(string fleetId)
    {
        // Before response files were turned off, "@injected" read this file and spliced its lines in as arguments:
        // every kubectl call would then send the secret file's content as the token.
        var secret = folder.File("secret-token");
        await File.WriteAllTextAsync(secret, "stolen-secret-value");
        await File.WriteAllTextAsync(folder.File("injected"), $"{FakeUcsServerOptions.DefaultFleet}\n--token-file\n{secret}\n");
        ucs.AddFleet(fleetId);

        var run = await GetCredentialsAsync(fleetId, "--exec");

        Assert.True(run.ExitCode == 0, run.Output);
        var user = FleetGen.Client.Models.Kubeconfig.FromYaml(await File.ReadAllTextAsync(Kubeconfig)).Users!.Single().User!;
        var exec = Assert.IsType<Dictionary<string, object>>(user.AdditionalData["exec"]);
        Assert.Equal<object?>(["credential", $"--fleet={fleetId}", $"--endpoint={ucs.BaseUrl}", "--allow-http"], Assert.IsType<List<object?>>(exec["args"]));
        foreach (var file in Directory.GetFiles(CacheFolder, "*.json"))
        {
            File.Delete(file);
        }

        Assert.Contains(FakeKubernetesEndpoint.GitVersion, await KubectlVersionAsync(), StringComparison.Ordinal);
        // Not in the form of a UCS id, it is first looked up in the fleet list (as a name would be), then sent as the id it is.
        Assert.Equal("/v1/clustergroups?limit=100&offset=0", ucs.Requests[0].RawTarget);
        Assert.All(ucs.Requests.Skip(1), r => Assert.Contains($"/v1/clustergroups/{Uri.EscapeDataString(fleetId)}", r.RawTarget, StringComparison.Ordinal));
        Assert.All(ucs.Requests, r => Assert.Equal(FakeUcsServerOptions.DefaultToken, r.Headers["X-Auth-Token"]));
    }

    [Theory]
    [InlineData("--fleet", "fleet-demo\n--token-file=/etc/hostname", false)]
    [InlineData("--fleet", "fleet-demo\r--allow-http", true)]
    [InlineData("--token-file", "tok\nen", false)]
    public async Task A_line_break_in_an_argument_the_plugin_would_carry_is_refused_before_the_first_request(string flag, string value, bool dryRun)
    {
        var tokenFile = folder.File("token");
        await File.WriteAllTextAsync(tokenFile, FakeUcsServerOptions.DefaultToken);
        if (flag == "--token-file")
        {
            var withBreak = folder.File(value);
            await File.WriteAllTextAsync(withBreak, FakeUcsServerOptions.DefaultToken);
        }

        string[] more = [.. flag == "--token-file" ? new[] { "--token-file", folder.File(value) } : [], "--exec", .. dryRun ? new[] { "--dry-run" } : []];
        var run = await GetCredentialsAsync(flag == "--fleet" ? value : FakeUcsServerOptions.DefaultFleet, more);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"fleetgen: error: {flag}: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("line break or another control character", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
        Assert.False(File.Exists(Kubeconfig));
    }

    [Fact]
    public async Task An_at_sign_argument_is_never_read_as_a_response_file()
    {
        await File.WriteAllTextAsync(folder.File("args"), "--help\n");

        var run = await FleetgenAsync("fleet", "show", "--fleet", "@args", "--endpoint", ucs.BaseUrl.ToString(), "--allow-http");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("no fleet has the id or name \"@args\"", run.StandardError, StringComparison.Ordinal);
        Assert.Equal("/v1/clustergroups?limit=100&offset=0", Assert.Single(ucs.Requests).RawTarget);
    }

    [Fact]
    public async Task A_usage_error_points_to_the_help_of_the_command_that_was_run()
    {
        var run = await FleetgenAsync("fleet", "show", "--endpoint", ucs.BaseUrl.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'fleetgen fleet show --help' for usage.", run.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The fake UCS server on a clock that starts at <paramref name="start"/> and stands still, so its certificates are valid from 5 minutes before it.</summary>
    private async Task<FakeTimeProvider> RestartUcsAtAsync(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        await ucs.DisposeAsync();
        ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { TimeProvider = clock });
        return clock;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_plugin_refuses_an_expired_certificate_with_exit_4_naming_the_fleet_and_its_dates_and_caches_nothing()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-40), TimeSpan.Zero);
        var clock = await RestartUcsAtAsync(start);
        var options = ucs.ClientOptions();
        options.TimeProvider = clock;
        using (var client = new FleetClient(options))
        {
            await client.GetFederationKubeconfigAsync(FakeUcsServerOptions.DefaultFleet, 30, "p-1", "v-1", "s-1");
        }

        string[] credential = ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];
        var first = await FleetgenAsync(credential);
        var second = await FleetgenAsync(credential);

        foreach (var run in new[] { first, second })
        {
            Assert.Equal(4, run.ExitCode);
            Assert.Equal(string.Empty, run.StandardOutput);
            var line = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("fleetgen: error: ", line, StringComparison.Ordinal);
            Assert.Contains($"the client certificate for fleet {FakeUcsServerOptions.DefaultFleet} has expired: valid from {Iso(start.AddMinutes(-5))} to {Iso(start.AddDays(30))}", line, StringComparison.Ordinal);
        }

        Assert.Equal(2, Downloads);
        Assert.Empty(Directory.GetFiles(CacheFolder, "*.json"));
    }

    [Fact]
    public async Task Get_credentials_warns_of_a_certificate_that_is_not_valid_yet()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3), TimeSpan.Zero);
        await RestartUcsAtAsync(start);

        var run = await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"fleetgen: warning: users[\"ucs-{FakeUcsServerOptions.DefaultFleet}\"]: the client certificate is not valid before {Iso(start.AddMinutes(-5))}", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_full_cache_disk_the_plugin_hands_kubectl_the_new_certificate_and_warns_in_one_line()
    {
        if (UnixFileSystem.EffectiveUserId != 0)
        {
            // Needs root to mount a small tmpfs (SmallDisk), as the tests run here and in CI.
            return;
        }

        await using var disk = await SmallDisk.MountAsync(folder.File(".kube/cache"));
        Assert.True((await GetCredentialsAsync(FakeUcsServerOptions.DefaultFleet, "--exec")).ExitCode == 0);
        File.Delete(Assert.Single(Directory.GetFiles(CacheFolder, "*.json")));
        disk.FillUp();
        var downloads = Downloads;

        var run = await FleetgenAsync(["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", JsonNode.Parse(run.StandardOutput)!["status"]!["clientCertificateData"]!.GetValue<string>(), StringComparison.Ordinal);
        var warning = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fleetgen: warning: credential cache: ", warning, StringComparison.Ordinal);
        Assert.Contains("no space", warning, StringComparison.Ordinal);
        Assert.Equal(downloads + 1, Downloads);
        Assert.Empty(Directory.GetFiles(CacheFolder, "*.json"));
        Assert.Empty(Directory.GetFiles(CacheFolder, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(CacheFolder, ".*")));
    }
}
