using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Cli;

/// <summary>Network failures, retries and next steps, as the installed fleetgen reports them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Slow")]
[Collection(InstalledToolCollection.Name)]
public sealed class NetworkCliTests(InstalledTool tool) : IAsyncLifetime
{
    /// <summary>A fleet id in UCS's form (a UUID): sent as it is, with no lookup in the fleet list before the call these tests watch.</summary>
    private const string Fleet = "9d3f1a2b-4c5d-11ee-8e7f-0255ac100041";

    private readonly TempFolder folder = new();
    private FakeUcsServer ucs = null!;

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        folder.Dispose();
    }

    private Task<DotnetCli.Result> RunAsync(params string[] arguments) =>
        DotnetCli.RunProgramAsync(tool.Command, folder.Path, TimeSpan.FromMinutes(1), new Dictionary<string, string?> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken, ["HUAWEICLOUD_SDK_AK"] = null, ["HUAWEICLOUD_SDK_SK"] = null, ["HOME"] = folder.Path }, null, arguments);

    [Fact]
    public async Task An_endpoint_nobody_listens_on_exits_6_naming_it_after_a_line_per_retry()
    {
        // Port 1 needs privileges to listen on: the connection is refused by the machine itself.
        var run = await RunAsync("fleet", "show", "--fleet", Fleet, "--endpoint", "http://127.0.0.1:1", "--allow-http", "--timeout", "3s");

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("fleetgen: error: cannot reach UCS at http://127.0.0.1:1: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("fleetgen: UCS ShowClusterGroup: sending again after connection_error; attempt 2 in ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_given_up_after_the_timeout_with_exit_6()
    {
        await using var silent = await LoopbackServer.StartAsync(async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));

        var run = await RunAsync("get-credentials", "--fleet", "f", "--file", folder.File("fed"), "--endpoint", silent.BaseUrl.ToString(), "--allow-http", "--timeout", "1s");

        Assert.Equal(6, run.ExitCode);
        Assert.Contains($"cannot reach UCS at {silent.BaseUrl.GetLeftPart(UriPartial.Authority)}: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("did not complete within 1 s", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("fed")));
    }

    [Fact]
    public async Task A_retried_answer_gets_a_line_on_stderr_before_the_wait()
    {
        ucs.AddFleet(Fleet);
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));

        var run = await RunAsync("fleet", "show", "--fleet", Fleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fleetgen: UCS ShowClusterGroup: sending again after status_503; attempt 2 in 0 ms", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_a_missing_folder_is_refused_naming_the_folder_before_anything_is_sent()
    {
        var missing = Path.Combine(folder.Path, "no-such-folder");

        var run = await RunAsync("get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--file", Path.Combine(missing, "fed"), "--endpoint", ucs.BaseUrl.ToString(), "--allow-http");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains($"--file: the folder {missing} does not exist; create it first. Nothing was sent.", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(ucs.Requests);
    }

    [Fact]
    public async Task A_fleet_without_federation_says_how_to_enable_it()
    {
        ucs.AddFleet("fleet-plain", federationEnabled: false);

        var run = await RunAsync("get-credentials", "--fleet", "fleet-plain", "--file", folder.File("fed"), "--endpoint", ucs.BaseUrl.ToString(), "--allow-http");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains($"fleetgen: hint: enable it with: fleetgen federation enable --fleet fleet-plain --endpoint {ucs.BaseUrl} --allow-http --wait", run.StandardError, StringComparison.Ordinal);
    }
}
