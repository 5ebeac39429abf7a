namespace FleetGen.Client.Tests.Support;

/// <summary>
/// One copy of the repository per test run, made a git repository without any remote (like CI's clone), and packed
/// there as `dotnet cake` packs (a CI-mode build; the linux-x64 tool package Native AOT-compiled), versions from git;
/// the tool installed from that feed as `dotnet tool install` picks it for linux-x64. The tests that need the packages,
/// the installed tool or a repository to rebuild share it; a test that edits the copy puts it back.
/// </summary>
internal sealed class PackedRepository
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly Lock Gate = new();
    private static Task<PackedRepository>? shared;
    private static int leases;

    private PackedRepository(RepoCopy copy) => Copy = copy;

    public RepoCopy Copy { get; }

    public string Feed => Path.Combine(Copy.Root, "feed");

    /// <summary>The commit packed: HEAD of the copy, one commit above its root.</summary>
    public string Commit { get; private set; } = string.Empty;

    /// <summary>What the first build of the copy's FleetGen.Client printed.</summary>
    public string FirstClientBuildOutput { get; private set; } = string.Empty;

    /// <summary>The installed command (the tool path's entry, a link to the native executable on linux-x64).</summary>
    public string Command => Path.Combine(Copy.Root, "tool", "fleetgen");

    /// <summary>The run's packed repository; a test gets it through the lease of its collection.</summary>
    public static Task<PackedRepository> GetAsync()
    {
        lock (Gate)
        {
            return shared ?? throw new InvalidOperationException("No collection holds a lease on the packed repository.");
        }
    }

    public static Task<PackedRepository> AcquireAsync()
    {
        lock (Gate)
        {
            leases++;
            return shared ??= CreateAsync();
        }
    }

    public static async Task ReleaseAsync()
    {
        Task<PackedRepository>? last = null;
        lock (Gate)
        {
            if (--leases == 0)
            {
                (last, shared) = (shared, null);
            }
        }

        if (last is { IsCompletedSuccessfully: true })
        {
            (await last).Copy.Dispose();
        }
    }

    public string Package(string id) => Directory.GetFiles(Feed, $"{id}.*.nupkg")
        .Single(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), $@"^{System.Text.RegularExpressions.Regex.Escape(id)}\.\d"));

    public Task<string> GitAsync(params string[] arguments) => RunGitAsync(Copy.Root, arguments);

    public Task<DotnetCli.Result> DotnetAsync(params string[] arguments) =>
        DotnetCli.RunAsync(Copy.Root, Timeout, null, [.. arguments, "-nodeReuse:false", "-p:UseSharedCompilation=false"]);

    private static async Task<PackedRepository> CreateAsync()
    {
        var repository = new PackedRepository(new RepoCopy());
        try
        {
            await repository.PackAndInstallAsync();
            return repository;
        }
        catch
        {
            repository.Copy.Dispose();
            throw;
        }
    }

    private async Task PackAndInstallAsync()
    {
        var identity = new[] { "-c", "user.name=fleetgen", "-c", "user.email=fleetgen@example.invalid" };
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        await GitAsync([.. identity, "commit", "-q", "-m", "snapshot"]);
        await GitAsync([.. identity, "commit", "-q", "--allow-empty", "-m", "a commit after the snapshot"]);
        Commit = (await GitAsync("rev-parse", "HEAD")).Trim();

        string[] ci = ["-c", "Release", "-o", Feed, "-p:ContinuousIntegrationBuild=true"];
        FirstClientBuildOutput = (await DotnetAsync(["pack", Copy.ClientProject, .. ci])).EnsureSuccess("dotnet pack FleetGen.Client").Output;
        (await DotnetAsync(["pack", Path.Combine(Copy.Root, "src", "FleetGen.Testing", "FleetGen.Testing.csproj"), .. ci])).EnsureSuccess("dotnet pack FleetGen.Testing");
        (await DotnetAsync(["pack", Path.Combine(Copy.Root, "src", "FleetGen.FakeServer.Tool", "FleetGen.FakeServer.Tool.csproj"), .. ci])).EnsureSuccess("dotnet pack fleetgen-fake");
        var cli = Path.Combine(Copy.Root, "src", "FleetGen.Cli", "FleetGen.Cli.csproj");
        string[] tool = [.. ci, "-p:FleetGenReadyToRun=true", "-p:FleetGenToolPlatforms=this"];
        (await DotnetAsync(["pack", cli, .. tool, "-p:FleetGenNativeAot=false"])).EnsureSuccess("dotnet pack fleetgen");
        (await DotnetAsync(["pack", cli, "-r", "linux-x64", .. tool, "-p:FleetGenNativeAot=true"])).EnsureSuccess("dotnet pack fleetgen -r linux-x64");

        // The copy's versions repeat from run to run: a global packages folder of its own keeps an earlier run's
        // package of the same version from being installed instead of this one.
        var version = Path.GetFileNameWithoutExtension(Package("fleetgen"))["fleetgen.".Length..];
        var install = await DotnetCli.RunAsync(Copy.Root, Timeout, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(Copy.Root, "tool-packages") },
            "tool", "install", "fleetgen", "--version", version, "--tool-path", Path.Combine(Copy.Root, "tool"), "--add-source", Feed);
        install.EnsureSuccess("dotnet tool install");
    }

    private static async Task<string> RunGitAsync(string directory, params string[] arguments) =>
        (await DotnetCli.RunProgramAsync("git", directory, TimeSpan.FromMinutes(1), null, null, arguments)).EnsureSuccess($"git {string.Join(' ', arguments)}").StandardOutput;
}
