using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.EndToEnd;

/// <summary>fleetgen-fake as a process: what it prints, its admin API, seeds, and how it ends.</summary>
[Trait("Category", "Slow")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FakeToolProcessTests
{
    private static bool Json(string line) => line.StartsWith('{');

    private static bool Ready(string line) => line.StartsWith("Ready;", StringComparison.Ordinal);

    [Fact]
    public async Task Fleets_and_faults_added_through_the_admin_api_reach_a_FleetClient()
    {
        using var tool = await FakeToolProcess.StartAsync(Json, "--port", "0", "--output", "json", "--fleet", "seeded");
        using var printed = JsonDocument.Parse(tool.Printed.Single());
        var ucsUrl = new Uri(printed.RootElement.GetProperty("ucsUrl").GetString()!);
        var adminUrl = printed.RootElement.GetProperty("adminUrl").GetString()!;
        Assert.Equal(IPAddress.Loopback.ToString(), ucsUrl.Host);
        Assert.Equal(["--endpoint", ucsUrl.ToString().TrimEnd('/'), "--allow-http"], printed.RootElement.GetProperty("fleetgenArguments").EnumerateArray().Select(a => a.GetString()));
        Assert.StartsWith("https://127.0.0.1:", printed.RootElement.GetProperty("kubernetesUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("""[{"id":"seeded","federation":true}]""", printed.RootElement.GetProperty("fleets").GetRawText());
        using var admin = new HttpClient();

        var added = await admin.PostAsJsonAsync($"{adminUrl}/fleets", new { id = "added", federation = false });
        var queued = await admin.PostAsJsonAsync($"{adminUrl}/faults", new { kind = "internal-error" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        var token = new FleetClientOptions
        {
            Endpoint = ucsUrl,
            AllowHttp = true,
            Credentials = new TokenCredentials(printed.RootElement.GetProperty("token").GetString()!),
            Retry = { MaxRetries = 0 },
        };
        using var client = new FleetClient(token);
        var fault = await Assert.ThrowsAsync<UcsApiException>(() => client.Fleet.ShowClusterGroupAsync("added"));
        Assert.Equal((500, UcsErrorCodes.InternalError), (fault.StatusCode, fault.ErrorCode));
        Assert.Null((await client.Fleet.ShowClusterGroupAsync("added")).GetFederationCondition());
        var akSk = new FleetClientOptions
        {
            Endpoint = ucsUrl,
            AllowHttp = true,
            Credentials = new AkSkCredentials(printed.RootElement.GetProperty("accessKey").GetString()!, printed.RootElement.GetProperty("secretKey").GetString()!),
        };
        using var signed = new FleetClient(akSk);
        Assert.True((await signed.Fleet.ShowClusterGroupAsync("seeded")).IsFederationReady());
        using var requests = JsonDocument.Parse(await admin.GetStringAsync($"{adminUrl}/requests"));
        Assert.Equal(
            ["GET /v1/clustergroups/added", "GET /v1/clustergroups/added", "GET /v1/clustergroups/seeded"],
            requests.RootElement.EnumerateArray().Select(r => $"{r.GetProperty("method").GetString()} {r.GetProperty("target").GetString()}"));
        Assert.All(requests.RootElement.EnumerateArray().Take(2), r => Assert.Equal("(hidden)", r.GetProperty("headers").GetProperty("X-Auth-Token").GetString()));
    }

    [Fact]
    public async Task Text_output_on_the_port_asked_for_names_urls_credentials_fleets_and_a_line_to_paste_and_Ctrl_C_ends_it_with_0()
    {
        var port = FreePort();
        using var tool = await FakeToolProcess.StartAsync(Ready, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--fleet", "a", "--fleet-without-federation", "lab");
        var lines = tool.Printed.Where(l => l.Contains(": ", StringComparison.Ordinal)).ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());

        Assert.Equal($"http://127.0.0.1:{port}", lines["UCS URL"]);
        Assert.Equal($"http://127.0.0.1:{port}/_fake", lines["Admin API"]);
        Assert.StartsWith("https://127.0.0.1:", lines["Kubernetes URL"], StringComparison.Ordinal);
        Assert.Equal(("fake-ucs-token", "FAKEUCSACCESSKEY", "fake-ucs-secret-key"), (lines["Token"], lines["Access key"], lines["Secret key"]));
        Assert.Equal("a, lab (no federation)", lines["Fleets"]);
        Assert.Equal($"--endpoint http://127.0.0.1:{port} --allow-http", lines["fleetgen flags"]);
        Assert.Contains("export UCS_AUTH_TOKEN=fake-ucs-token", tool.Printed);
        using var http = new HttpClient();
        using var state = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/_fake/fleets"));
        Assert.Equal(["a:Available", "lab:"], state.RootElement.EnumerateArray().Select(f => $"{f.GetProperty("id").GetString()}:{f.GetProperty("federation").GetString()}"));

        var (exitCode, standardError) = await tool.SignalAsync("INT");

        Assert.Equal(0, exitCode);
        Assert.Contains("stopped", standardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_ends_it_with_0_and_closes_the_port()
    {
        using var tool = await FakeToolProcess.StartAsync(Json, "--port", "0", "--output", "json");
        using var printed = JsonDocument.Parse(tool.Printed.Single());
        var ucsUrl = new Uri(printed.RootElement.GetProperty("ucsUrl").GetString()!);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(ucsUrl, "/v1/clustergroups/fleet-demo"))).StatusCode);

        var (exitCode, _) = await tool.SignalAsync("TERM");

        Assert.Equal(0, exitCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(ucsUrl, "/v1/clustergroups/fleet-demo")));
    }

    [Theory]
    [InlineData("""{"fleets": [{"id": "ok"}, {"id": ""}]}""", "fleets[1].id must not be empty")]
    [InlineData("""{"fleets": [{"id": "ok", "federation": "yes"}]}""", "fleets[0].federation must be true or false")]
    [InlineData("""{"fleets": [{"id": "ok", "federated": true}]}""", "fleets[0].federated is not a known field")]
    [InlineData("""{"fleet": []}""", "fleet is not a known field")]
    [InlineData("""{"fleets": [{"id": 7}]}""", "fleets[0].id must be a string")]
    public async Task A_bad_seed_file_is_exit_2_naming_the_field_before_anything_listens(string seed, string problem)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("seed.json"), seed);

        var result = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), null, FakeToolProcess.Dll, "--port", "0", "--seed", folder.File("seed.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"fleetgen-fake: error: --seed {folder.File("seed.json")}: {problem}", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Bad_flags_are_exit_2_and_a_port_in_use_is_exit_1_naming_it()
    {
        using var folder = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var twice = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), null, FakeToolProcess.Dll, "--port", "0", "--fleet", "a", "--fleet-without-federation", "a");
        var lineBreak = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), null, FakeToolProcess.Dll, "--port", "0", "--fleet", "a\nb");
        var badPort = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), null, FakeToolProcess.Dll, "--port", "70000");
        var inUse = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), null, FakeToolProcess.Dll, "--port", port);

        Assert.Equal((2, "fleetgen-fake: error: fleet \"a\" is given twice (--fleet, --fleet-without-federation)."), (twice.ExitCode, twice.StandardError.Trim()));
        Assert.Equal((2, "fleetgen-fake: error: --fleet \"a\\nb\": the fleet id must not contain control characters (line breaks, tabs)."), (lineBreak.ExitCode, lineBreak.StandardError.Trim()));
        Assert.Equal(2, badPort.ExitCode);
        Assert.Contains("--port must be from 0 to 65535", badPort.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, inUse.ExitCode);
        Assert.StartsWith($"fleetgen-fake: error: cannot listen on 127.0.0.1:{port}:", inUse.StandardError, StringComparison.Ordinal);
        Assert.All([twice, lineBreak, badPort, inUse], r => Assert.Empty(r.StandardOutput));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
