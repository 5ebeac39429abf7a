using System.Diagnostics;
using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Cli;

/// <summary>
/// The built fleetgen (<c>dotnet fleetgen.dll</c>, as the portable package runs it) against the fake or a hostile
/// server: time bounds of flags and waits, and error lines that do not mislead.
/// </summary>
public sealed class BuiltCliTests : IAsyncLifetime
{
    private static readonly string BuiltTool = Path.Combine(Repo.Root, "src", "FleetGen.Cli", "bin", Repo.Configuration, "net10.0", "fleetgen.dll");
    private readonly TempFolder folder = new();
    private readonly List<string> outputs = [];
    private FakeUcsServer ucs = null!;

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
        Assert.DoesNotContain(outputs, o => o.Contains(FakeUcsServerOptions.DefaultToken, StringComparison.Ordinal));
    }

    private async Task<DotnetCli.Result> RunAsync(Uri endpoint, string? token = FakeUcsServerOptions.DefaultToken, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["UCS_AUTH_TOKEN"] = token,
            ["HUAWEICLOUD_SDK_AK"] = null,
            ["HUAWEICLOUD_SDK_SK"] = null,
            ["HOME"] = folder.Path,
            ["KUBECONFIG"] = null,
        };
        var result = await DotnetCli.RunAsync(folder.Path, TimeSpan.FromMinutes(1), environment, [BuiltTool, .. arguments, "--endpoint", endpoint.ToString(), "--allow-http"]);
        outputs.Add(result.Output);
        return result;
    }

    [Theory]
    [InlineData("federation enable --wait --timeout 100000000h", "--timeout", "24h")]
    [InlineData("federation wait --timeout 25h", "--timeout", "24h")]
    [InlineData("federation wait --poll-interval 2h", "--poll-interval", "1h")]
    [InlineData("fleet show --timeout 61m", "--timeout", "1h")]
    public async Task A_duration_beyond_its_maximum_exits_2_naming_the_flag_and_sends_nothing(string command, string flag, string maximum)
    {
        ucs.AddFleet("fleet-new", federationEnabled: false);

        var run = await RunAsync(ucs.BaseUrl, arguments: [.. command.Split(' '), "--fleet", "fleet-new"]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"{flag}: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"at most {maximum}", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Fact]
    public async Task Help_names_the_maximum_of_every_duration()
    {
        var wait = await RunAsync(ucs.BaseUrl, arguments: ["federation", "wait", "--help"]);

        Assert.Contains("at most 24h", wait.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("at most 1h", wait.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_timeout_bounds_the_poll_in_flight_against_a_server_that_never_answers()
    {
        await using var silent = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var clock = Stopwatch.StartNew();

        var run = await RunAsync(silent.BaseUrl, arguments: ["federation", "wait", "--fleet", "fleet-1", "--timeout", "3s", "--poll-interval", "1s"]);

        // The call timeout of a poll (30 s) would end it long after; 10 s leaves room for the process start on a busy machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(run.ExitCode == 8, run.Output);
        Assert.Contains("did not end within 3 s", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_id_appears_once_in_the_error_line()
    {
        await using var gateway = await LoopbackServer.StartAsync(ClientFixture.Respond(500, null, ("X-Request-Id", "gw-7f3a")));

        var run = await RunAsync(gateway.BaseUrl, arguments: ["fleet", "show", "--fleet", "fleet-1"]);

        Assert.True(run.ExitCode == 4, run.Output);
        var line = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, line.Split("gw-7f3a").Length);
        Assert.Contains("500", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_redirects_say_so_in_the_error_line()
    {
        await using var looping = await LoopbackServer.StartAsync(ClientFixture.Respond(307, null, ("Location", "/v1/clustergroups/fleet-1")));

        var run = await RunAsync(looping.BaseUrl, arguments: ["fleet", "show", "--fleet", "fleet-1"]);

        Assert.True(run.ExitCode == 4, run.Output);
        Assert.Contains("redirect", run.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("empty body", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_federated_fleet_without_a_job_says_so_and_exits_0()
    {
        var text = await RunAsync(ucs.BaseUrl, arguments: ["federation", "status", "--fleet", FakeUcsServerOptions.DefaultFleet]);
        var json = await RunAsync(ucs.BaseUrl, arguments: ["federation", "status", "--fleet", FakeUcsServerOptions.DefaultFleet, "--output", "json"]);

        Assert.True(text.ExitCode == 0, text.Output);
        Assert.Contains("no federation job", text.StandardOutput, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.Output);
        var answer = JsonNode.Parse(json.StandardOutput)!;
        Assert.Null(answer["job"]);
        Assert.Equal("Available", (string)answer["federation"]!["status"]!);
    }

    [Fact]
    public async Task Status_of_a_fleet_without_federation_still_fails()
    {
        ucs.AddFleet("fleet-new", federationEnabled: false);

        var run = await RunAsync(ucs.BaseUrl, arguments: ["federation", "status", "--fleet", "fleet-new"]);

        Assert.True(run.ExitCode == 4, run.Output);
        Assert.Contains("enable", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_file_with_a_UTF8_byte_order_mark_works()
    {
        var file = folder.File("token");
        await File.WriteAllTextAsync(file, FakeUcsServerOptions.DefaultToken + "\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = await RunAsync(ucs.BaseUrl, token: null, arguments: ["fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--token-file", file]);

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public async Task A_token_file_with_a_line_break_inside_the_token_is_still_refused()
    {
        var file = folder.File("token");
        await File.WriteAllTextAsync(file, "\uFEFFabc\r\ndef", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var run = await RunAsync(ucs.BaseUrl, token: null, arguments: ["fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--token-file", file]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("--token-file", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }
}
