namespace FleetGen.Client.Tests.Support;

/// <summary>
/// fleetgen as a user on this machine gets it: packed as the main job packs it (the linux-x64 package Native
/// AOT-compiled), in a copy of the repository, and installed with `dotnet tool install` from that feed. Made once for
/// the tests of the collection.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);
    private RepoCopy? copy;

    /// <summary>The installed command (the tool path's entry, a link to the native executable on linux-x64).</summary>
    public string Command { get; private set; } = string.Empty;

    /// <summary>The executable the command runs.</summary>
    public string Executable => new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Command;

    public async Task InitializeAsync()
    {
        copy = new RepoCopy();
        var cli = Path.Combine(copy.Root, "src", "FleetGen.Cli", "FleetGen.Cli.csproj");
        var feed = Path.Combine(copy.Root, "feed");
        var version = "0.0.0-installed." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        string[] common = ["-c", "Release", "-o", feed, "-p:FleetGenReadyToRun=true", "-p:FleetGenToolPlatforms=this", $"-p:PackageVersion={version}", "-nodeReuse:false", "-p:UseSharedCompilation=false"];
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, ["pack", cli, .. common, "-p:FleetGenNativeAot=false"])).EnsureSuccess("dotnet pack");
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, ["pack", cli, "-r", "linux-x64", .. common, "-p:FleetGenNativeAot=true"])).EnsureSuccess("dotnet pack -r linux-x64");
        var toolPath = Path.Combine(copy.Root, "tool");
        (await DotnetCli.RunAsync(copy.Root, Timeout, null, "tool", "install", "fleetgen", "--version", version, "--tool-path", toolPath, "--add-source", feed)).EnsureSuccess("dotnet tool install");
        Command = Path.Combine(toolPath, "fleetgen");
    }

    public Task DisposeAsync()
    {
        copy?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The tests that run the installed fleetgen: one at a time, on one installation.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed fleetgen";
}
