using System.Diagnostics;
using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// The fleetgen tool as `dotnet cake` packs it and a user on linux-x64 installs it: a native executable (Native AOT),
/// with no managed entry assembly, that works against the fake server.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeToolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_installed_linux_x64_tool_is_a_native_executable_that_calls_UCS()
    {
        using var copy = new RepoCopy();
        var cli = Path.Combine(copy.Root, "src", "FleetGen.Cli", "FleetGen.Cli.csproj");
        var feed = Path.Combine(copy.Root, "feed");
        var version = "0.0.0-native." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        string[] common = ["-c", "Release", "-o", feed, "-p:FleetGenReadyToRun=true", "-p:FleetGenToolPlatforms=this", $"-p:PackageVersion={version}", "-nodeReuse:false", "-p:UseSharedCompilation=false"];
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, ["pack", cli, .. common, "-p:FleetGenNativeAot=false"])).EnsureSuccess("dotnet pack");
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, ["pack", cli, "-r", "linux-x64", .. common, "-p:FleetGenNativeAot=true"])).EnsureSuccess("dotnet pack -r linux-x64");
        var toolPath = Path.Combine(copy.Root, "tool");
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, "tool", "install", "fleetgen", "--version", version, "--tool-path", toolPath, "--add-source", feed)).EnsureSuccess("dotnet tool install");

        var executable = new FileInfo(Path.Combine(toolPath, "fleetgen")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.Combine(toolPath, "fleetgen");
        var magic = new byte[4];
        await using (var file = File.OpenRead(executable))
        {
            await file.ReadExactlyAsync(magic);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(executable)!, "fleetgen.dll"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(executable)!, "*.runtimeconfig.json"));

        await using var ucs = await FakeUcsServer.StartAsync();
        var start = new ProcessStartInfo(executable, ["fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--output", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken;
        start.Environment.Remove("HUAWEICLOUD_SDK_AK");
        start.Environment.Remove("HUAWEICLOUD_SDK_SK");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(process.ExitCode == 0, await error);
        Assert.Equal("Available", (string)JsonNode.Parse(await output)!["federation"]!["status"]!);
    }
}
