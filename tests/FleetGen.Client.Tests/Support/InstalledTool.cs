namespace FleetGen.Client.Tests.Support;

/// <summary>
/// fleetgen as a user on this machine gets it: packed as the main job packs it (the linux-x64 package Native
/// AOT-compiled) and installed with `dotnet tool install` from that feed (<see cref="PackedRepository"/>, shared by
/// the run).
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    /// <summary>The installed command (the tool path's entry, a link to the native executable on linux-x64).</summary>
    public string Command { get; private set; } = string.Empty;

    /// <summary>The executable the command runs.</summary>
    public string Executable => new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Command;

    public async Task InitializeAsync() => Command = (await PackedRepository.AcquireAsync()).Command;

    public Task DisposeAsync() => PackedRepository.ReleaseAsync();
}

/// <summary>The tests that run the installed fleetgen: one at a time, on one installation, beside the in-process tests.</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed fleetgen";
}
