using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// fleetgen as `dotnet cake` packs it and a user on linux-x64 installs it (<see cref="InstalledTool"/>): a native
/// executable (Native AOT), with no managed entry assembly, that works against the fake server.
/// </summary>
[Collection(InstalledToolCollection.Name)]
[Trait("Category", "Slow")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeToolTests(InstalledTool tool)
{
    [Fact]
    public async Task The_installed_linux_x64_tool_is_a_native_executable_that_calls_UCS()
    {
        var magic = new byte[4];
        await using (var file = File.OpenRead(tool.Executable))
        {
            await file.ReadExactlyAsync(magic);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(tool.Executable)!, "fleetgen.dll"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(tool.Executable)!, "*.runtimeconfig.json"));

        await using var ucs = await FakeUcsServer.StartAsync();
        var environment = new Dictionary<string, string?> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken, ["HUAWEICLOUD_SDK_AK"] = null, ["HUAWEICLOUD_SDK_SK"] = null };
        var run = await DotnetCli.RunProgramAsync(tool.Command, Path.GetTempPath(), TimeSpan.FromMinutes(1), environment, null,
            "fleet", "show", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("Available", (string)JsonNode.Parse(run.StandardOutput)!["federation"]!["status"]!);
    }
}
