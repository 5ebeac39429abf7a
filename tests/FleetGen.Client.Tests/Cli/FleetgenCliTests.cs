using Repo = FleetGen.Client.Tests.Support.Repo;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Cli;

/// <summary>The installed fleetgen (native on linux-x64), run as a process against the fake UCS server on 127.0.0.1.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
[Collection(InstalledToolCollection.Name)]
public sealed class FleetgenCliTests(InstalledTool tool) : IAsyncLifetime
{
    private const string SecurityToken = "cli-STS-secret";
    /// <summary>A fleet id in UCS's form (a UUID): sent as it is, with no lookup in the fleet list.</summary>
    private const string Fleet = "9d3f1a2b-4c5d-11ee-8e7f-0255ac100041";
    /// <summary>The built tool's entry assembly, as the portable package carries it.</summary>
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    public async Task InitializeAsync()
    {
        ucs = await FakeUcsServer.StartAsync();
        ucs.AddFleet(Fleet);
    }

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        foreach (var secret in new[] { FakeUcsServerOptions.DefaultToken, FakeUcsServerOptions.DefaultSecretKey, SecurityToken })
        {
            Assert.DoesNotContain(outputs, o => o.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, string?> Environment(string? token = FakeUcsServerOptions.DefaultToken, bool aksk = false, string? kubeconfig = null) => new()
    {
        ["UCS_AUTH_TOKEN"] = token,
        ["HUAWEICLOUD_SDK_AK"] = aksk ? FakeUcsServerOptions.DefaultAccessKey : null,
        ["HUAWEICLOUD_SDK_SK"] = aksk ? FakeUcsServerOptions.DefaultSecretKey : null,
        ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = aksk ? SecurityToken : null,
        ["HUAWEICLOUD_SDK_DOMAIN_ID"] = null,
        ["KUBECONFIG"] = kubeconfig,
        ["HOME"] = Path.GetTempPath(),
    };

    private string[] Arguments(string fleet = Fleet, params string[] more) =>
    [
        "get-credentials", "--fleet", fleet, "--project-id", "p-1", "--vpc-id", "v-1", "--subnet-id", "s-1",
        "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", .. more,
    ];

    private async Task<DotnetCli.Result> RunAsync(Dictionary<string, string?> environment, string[] arguments, Func<Process, Task>? started = null)
    {
        var result = await DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), environment, started, arguments);
        outputs.Add(result.Output);
        return result;
    }

    [Fact]
    public async Task Token_merge_into_the_KUBECONFIG_file_keeps_old_contexts_and_kubectl_uses_the_new_one()
    {
        var kubeconfig = folder.File("kube/config");
        Directory.CreateDirectory(folder.File("kube"));
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: old\n  cluster:\n    server: https://old.example:6443\nusers:\n- name: old\n  user:\n    token: old-token\ncontexts:\n- name: old\n  context:\n    cluster: old\n    user: old\ncurrent-context: old\n");

        var run = await RunAsync(Environment(kubeconfig: kubeconfig + ":" + folder.File("other")), Arguments());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Merged context \"ucs-{Fleet}\" into {kubeconfig}.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Switched to context \"ucs-{Fleet}\" (was \"old\").", run.StandardOutput, StringComparison.Ordinal);
        var (_, contexts, _) = await Kubectl.RunAsync("config", "get-contexts", "-o", "name", "--kubeconfig", kubeconfig);
        Assert.Equal(["old", $"ucs-{Fleet}"], contexts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        var (exitCode, version, error) = await Kubectl.RunAsync("--kubeconfig", kubeconfig, "--context", $"ucs-{Fleet}", "get", "--raw", "/version");
        Assert.True(exitCode == 0, error);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AkSk_to_a_standalone_file_with_json_output()
    {
        var file = folder.File("fed.kubeconfig");

        var run = await RunAsync(Environment(token: null, aksk: true), Arguments(more: ["--file", file, "--context", "fed", "--duration", "10", "--output", "json"]));

        Assert.True(run.ExitCode == 0, run.Output);
        var json = JsonNode.Parse(run.StandardOutput)!;
        Assert.Equal((file, "fed", "fed", ucs.Kubernetes.Url.ToString().TrimEnd('/')),
            (json["kubeconfig"]!.GetValue<string>(), json["context"]!.GetValue<string>(), json["currentContext"]!.GetValue<string>(), json["server"]!.GetValue<string>()));
        var expiry = DateTimeOffset.Parse(json["certificateExpiry"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromDays(9.9), TimeSpan.FromDays(10));
        Assert.Equal(["GET", "POST"], ucs.Requests.Select(r => r.Method));
        Assert.All(ucs.Requests, r => Assert.StartsWith("SDK-HMAC-SHA256 ", r.Headers["Authorization"], StringComparison.Ordinal));
        var (exitCode, version, error) = await Kubectl.RunAsync("--kubeconfig", file, "get", "--raw", "/version");
        Assert.True(exitCode == 0, error);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_in_the_environment_the_profile_file_of_the_official_SDKs_serves()
    {
        var profile = folder.File("huaweicloud-credentials");
        await File.WriteAllTextAsync(profile, $"[global]\nak = {FakeUcsServerOptions.DefaultAccessKey}\nsk = {FakeUcsServerOptions.DefaultSecretKey}\ndomain_id = d-cli-1\n");
        var environment = Environment(token: null);
        environment["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = profile;

        var run = await RunAsync(environment, Arguments(more: ["--file", folder.File("chain.kubeconfig")]));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.All(ucs.Requests, r => Assert.StartsWith($"SDK-HMAC-SHA256 Access={FakeUcsServerOptions.DefaultAccessKey}, ", r.Headers["Authorization"], StringComparison.Ordinal));
        Assert.All(ucs.Requests, r => Assert.Equal("d-cli-1", r.Headers["X-Domain-Id"]));
        Assert.Contains($"from the profile file {profile} [global]", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeUcsServerOptions.DefaultSecretKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdout_prints_a_standalone_kubeconfig_and_nothing_else()
    {
        var run = await RunAsync(Environment(), Arguments(more: ["--stdout", "--context", "piped"]));

        Assert.True(run.ExitCode == 0, run.Output);
        var config = Kubeconfig.FromYaml(run.StandardOutput);
        config.Validate();
        Assert.Equal("piped", config.CurrentContext);
        Assert.Equal(string.Empty, run.StandardError);
    }

    [Fact]
    public async Task Set_current_and_context_rename_the_merged_context_and_make_it_current()
    {
        var kubeconfig = folder.File("config");

        var run = await RunAsync(Environment(), Arguments(more: ["--kubeconfig", kubeconfig, "--context", "fed-prod", "--set-current"]));

        Assert.True(run.ExitCode == 0, run.Output);
        var (_, current, _) = await Kubectl.RunAsync("config", "current-context", "--kubeconfig", kubeconfig);
        Assert.Equal("fed-prod", current.Trim());
    }

    [Theory]
    [InlineData("missing option")]
    [InlineData("part of the VPC options")]
    [InlineData("unknown option")]
    [InlineData("duration out of bounds")]
    [InlineData("both credentials")]
    [InlineData("no credentials")]
    [InlineData("endpoint and region")]
    [InlineData("http endpoint without --allow-http")]
    [InlineData("blank context")]
    [InlineData("endpoint with user information")]
    [InlineData("token file injecting a header")]
    [InlineData("token file of a gigabyte")]
    [InlineData("blank fleet")]
    public async Task Usage_and_validation_errors_exit_2_and_send_nothing(string kind)
    {
        var tokenFile = folder.File("token");
        if (kind == "token file injecting a header")
        {
            await File.WriteAllTextAsync(tokenFile, "TOK\r\nX-Injected: evil\n");
        }
        else if (kind == "token file of a gigabyte")
        {
            await using var sparse = File.Create(tokenFile);
            sparse.SetLength(1L << 30);
        }

        var (environment, arguments, message) = kind switch
        {
            "blank context" => (Environment(), Arguments(more: ["--context", " "]), "--context: must not be blank."),
            "blank fleet" => (Environment(), Arguments(fleet: " \t"), "--fleet: must not be blank."),
            "endpoint with user information" => (Environment(), Arguments(more: []).Select(a => a == ucs.BaseUrl.ToString() ? $"http://evil.example@127.0.0.1:{ucs.BaseUrl.Port}/" : a).ToArray(), "--endpoint: must not carry user information"),
            "token file injecting a header" => (Environment(token: null), Arguments(more: ["--token-file", tokenFile]), "cannot be sent: token: contains a control character (U+000D) at position 4"),
            "token file of a gigabyte" => (Environment(token: null), Arguments(more: ["--token-file", tokenFile]), "is larger than 65536 bytes; it does not hold a token."),
            "missing option" => (Environment(), new[] { "get-credentials" }, "Give one of --fleet (the federation's kubeconfig) and --cluster (a member cluster's)."),
            "part of the VPC options" => (Environment(), new[] { "get-credentials", "--fleet", "f", "--project-id", "p", "--endpoint", ucs.BaseUrl.ToString(), "--allow-http" }, "--project-id, --vpc-id and --subnet-id go together: give all three or none."),
            "unknown option" => (Environment(), Arguments(more: ["--colour", "red"]), "--colour"),
            "duration out of bounds" => (Environment(), Arguments(more: ["--duration", "0"]), "--duration: 0 days is out of range; the certificate's validity is 1 to 1825 days."),
            "both credentials" => (Environment(aksk: true), Arguments(), "Pass --auth token or --auth aksk."),
            "no credentials" => (Environment(token: null), Arguments(), "No credentials found; tried in order: UCS_AUTH_TOKEN: not set; environment (HUAWEICLOUD_SDK_*): neither"),
            "endpoint and region" => (Environment(), Arguments(more: ["--region", "intl"]), "--endpoint and --region cannot be used together."),
            _ => (Environment(), Arguments().Where(a => a != "--allow-http").ToArray(), "is http; pass --allow-http to use http on a loopback address"),
        };

        var run = await RunAsync(environment, arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
        Assert.All(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.True(l.StartsWith("fleetgen: error:", StringComparison.Ordinal) || l.StartsWith("Run 'fleetgen", StringComparison.Ordinal), l));
        Assert.DoesNotContain("X-Injected", run.Output, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Theory]
    [InlineData("--kubeconfig", "/dev/null", "/dev/null is a character device, not a regular file")]
    [InlineData("--kubeconfig", "folder", "is a folder, not a file")]
    [InlineData("--kubeconfig", "read-only", "is read-only")]
    [InlineData("--file", "full", "it holds other entries")]
    [InlineData("--file", "notes", "it exists and is not a kubeconfig")]
    public async Task Local_problems_are_found_before_the_create_call_so_no_endpoint_is_made(string option, string target, string message)
    {
        var path = target == "/dev/null" ? target : folder.File(target);
        switch (target)
        {
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "read-only":
            case "full":
                await File.WriteAllTextAsync(path, "apiVersion: v1\nkind: Config\nclusters:\n- name: own\n  cluster:\n    server: https://own.example\n");
                if (target == "read-only")
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead);
                }

                break;
            case "notes":
                await File.WriteAllTextAsync(path, "remember the milk\n");
                break;
        }

        var run = await RunAsync(Environment(), Arguments(more: [option, path]));

        Assert.Equal(5, run.ExitCode);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Theory]
    [InlineData("forged lines")]
    [InlineData("redirect to a file")]
    public async Task A_hostile_server_gets_one_clean_line_and_exit_4(string kind)
    {
        await using var hostile = await LoopbackServer.StartAsync(kind == "forged lines"
            ? ClientFixture.Respond(400, """{"error_code":"UCS.1","error_msg":"bad\nfleetgen: ok\u001b[2K\u001b]0;owned\u0007"}""")
            : ClientFixture.Respond(307, null, ("Location", "file:///etc/passwd")));
        var arguments = Arguments(more: ["--file", folder.File("fed")]).Select(a => a == ucs.BaseUrl.ToString() ? hostile.BaseUrl.ToString() : a).ToArray();

        var run = await RunAsync(Environment(), arguments);

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fleetgen: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, c => c == '\u001b' || c == '\u0007');
        Assert.Contains(kind == "forged lines" ? "bad\\nfleetgen: ok\\u001B[2K" : "it redirects to a file: URL", line, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("fed")));
    }

    [Fact]
    public async Task Weak_settings_in_the_answer_are_kept_and_reported_as_a_warning_line()
    {
        using var pki = new FakeCertificateAuthority();
        var answer = KubeconfigSamples.Federation(pki, "https://10.0.0.8:5443", "demo");
        answer.Clusters![0].Cluster!.InsecureSkipTlsVerify = new ClusterCert.ClusterCert_insecureSkipTlsVerify { Boolean = true };
        using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
        writer.WriteObjectValue(null, answer);
        var json = await new StreamReader(writer.GetSerializedContent()).ReadToEndAsync();
        // A connected fleet, then the kubeconfig download.
        var fleet = """{"spec":{"connectGatewayEndpoints":[{"type":"VPCEP","id":"ep-1"}]},"status":{"conditions":[{"type":"Federation","status":"Connected"}]}}""";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Method == "GET" ? 200 : 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Method == "GET" ? fleet : json);
        });
        var file = folder.File("fed");
        var arguments = Arguments(more: ["--file", file]).Select(a => a == ucs.BaseUrl.ToString() ? server.BaseUrl.ToString() : a).ToArray();

        var run = await RunAsync(Environment(), arguments);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"fleetgen: warning: clusters[\"ucs-{Fleet}\"]: insecure-skip-tls-verify is true", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("insecure-skip-tls-verify: true", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad token", 3, "fleetgen: error: UCS.00000018 Authorization failed. (HTTP 401, request id fake-000001)")]
    [InlineData("unknown fleet", 4, "fleetgen: error: UCS.01100005 ClusterGroup Not Found. (HTTP 404, request id fake-000001)")]
    [InlineData("server error", 4, "fleetgen: error: UCS.00000006 Server internal error. (HTTP 500, request id fake-000001)")]
    public async Task Api_errors_print_one_line_and_exit_3_or_4(string kind, int exitCode, string line)
    {
        if (kind == "server error")
        {
            ucs.EnqueueFault(FakeUcsFault.InternalError());
        }

        var file = folder.File("never");
        var run = await RunAsync(Environment(token: kind == "bad token" ? "wrong" : FakeUcsServerOptions.DefaultToken), Arguments(kind == "unknown fleet" ? "0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e" : Fleet, "--file", file));

        Assert.Equal(exitCode, run.ExitCode);
        var lines = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(line, lines[0]);
        Assert.Equal(kind == "bad token" ? ["fleetgen: hint: the credentials were refused"] : [], lines.Skip(1).Select(l => l[..Math.Min(l.Length, 44)]));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Local_file_errors_exit_5_and_change_nothing()
    {
        var kubeconfig = folder.File("config");
        await File.WriteAllTextAsync(kubeconfig, "- not\n- a kubeconfig\n");

        var invalidTarget = await RunAsync(Environment(), Arguments(more: ["--kubeconfig", kubeconfig]));
        var missingTokenFile = await RunAsync(Environment(token: null), Arguments(more: ["--token-file", folder.File("no-such-token")]));

        Assert.Equal((5, 5), (invalidTarget.ExitCode, missingTokenFile.ExitCode));
        Assert.Contains("the file is not a YAML mapping", invalidTarget.StandardError, StringComparison.Ordinal);
        Assert.Contains("--token-file: cannot read", missingTokenFile.StandardError, StringComparison.Ordinal);
        Assert.Equal("- not\n- a kubeconfig\n", await File.ReadAllTextAsync(kubeconfig));
    }

    [Fact]
    public async Task Token_file_is_used_instead_of_the_environment()
    {
        var tokenFile = folder.File("token");
        await File.WriteAllTextAsync(tokenFile, FakeUcsServerOptions.DefaultToken + "\n");

        var run = await RunAsync(Environment(token: null), Arguments(more: ["--token-file", tokenFile, "--file", folder.File("out")]));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(2, ucs.Requests.Count);
        Assert.All(ucs.Requests, r => Assert.Equal(FakeUcsServerOptions.DefaultToken, r.Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task Ctrl_C_exits_130_and_leaves_no_file()
    {
        ucs.EnqueueFault(FakeUcsFault.Slow(TimeSpan.FromSeconds(30)));
        var file = folder.File("cancelled");

        var run = await RunAsync(Environment(), Arguments(more: ["--file", file]), async process =>
        {
            await ucs.WhenRequestsReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(60));

            using var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        });

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("cancelled; nothing was written.", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("get-credentials", "fleetgen get-credentials --fleet")]
    [InlineData("fleet show", "fleetgen fleet show --fleet")]
    [InlineData("federation enable", "fleetgen federation enable --fleet")]
    [InlineData("federation status", "fleetgen federation status --fleet")]
    [InlineData("federation wait", "fleetgen federation wait --fleet")]
    [InlineData("federation upgrade", "fleetgen federation upgrade --fleet")]
    [InlineData("federation rollback", "fleetgen federation rollback --fleet")]
    [InlineData("federation disable", "fleetgen federation disable --fleet")]
    [InlineData("federation connect", "fleetgen federation connect --fleet")]
    public async Task Every_command_has_help_with_examples(string command, string example)
    {
        var run = await RunAsync(Environment(), [.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.StandardOutput.Replace("Example:", "Examples:", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(example, run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_runs_on_the_plain_NET_runtime_without_the_fake_server()
    {
        var runtimeConfig = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(BuiltTool, ".runtimeconfig.json")))!;

        Assert.Equal("Microsoft.NETCore.App", (string)runtimeConfig["runtimeOptions"]!["framework"]!["name"]!);
        Assert.Null(runtimeConfig["runtimeOptions"]!["frameworks"]);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(BuiltTool)!, "FleetGen.Testing.dll")));
    }

    [Fact]
    public async Task The_demo_sample_runs_the_whole_lifecycle_through_the_tool_and_kubectl()
    {
        var demo = Path.Combine(Repo.Root, "samples", "FleetGen.Demo", "bin", Repo.Configuration, "net10.0", "FleetGen.Demo.dll");
        var run = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(2), Environment(token: null), demo, tool.Command);
        outputs.Add(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("fleetgen: CreateFederation Success: 4 of 4 sub-jobs done", run.Output, StringComparison.Ordinal);
        Assert.Contains("Phase:      Success", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("The kubeconfig works: kubectl reached the federation API server through mutual TLS.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, run.StandardOutput, StringComparison.Ordinal);
    }
}
