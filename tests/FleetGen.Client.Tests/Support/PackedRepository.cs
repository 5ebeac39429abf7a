namespace FleetGen.Client.Tests.Support;

/// <summary>
/// One copy of the repository per test run, made a git repository without any remote (like CI's clone), and the
/// packages as `dotnet cake` packs them (a CI-mode build; the linux-x64 tool package Native AOT-compiled), with the
/// tool installed from that feed as `dotnet tool install` picks it for linux-x64. The packages are the main job's
/// (artifacts/packages) when it packed exactly this tree (<see cref="MainJobPackages"/>), otherwise packed in the copy,
/// versions from the copy's git. The tests that need the packages, the installed tool or a repository to rebuild share
/// it; a test that edits the copy puts it back.
/// </summary>
internal sealed class PackedRepository
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly Lock Gate = new();
    private static Task<PackedRepository>? shared;
    private static int leases;

    private readonly Lock clientGenerationGate = new();
    private Task<string>? clientGeneration;

    private PackedRepository(RepoCopy copy) => Copy = copy;

    public RepoCopy Copy { get; }

    /// <summary>The folder of the packages: the main job's artifacts/packages, or the copy's feed.</summary>
    public string Feed { get; private set; } = string.Empty;

    /// <summary>The repository the packages were built in (a path no PDB may carry).</summary>
    public string PackedRoot { get; private set; } = string.Empty;

    /// <summary>The commit packed: HEAD of the repository the packages were built in.</summary>
    public string Commit { get; private set; } = string.Empty;

    /// <summary>The version of every package in <see cref="Feed"/>.</summary>
    public string Version => Path.GetFileNameWithoutExtension(Package("fleetgen.any"))["fleetgen.any.".Length..];

    /// <summary>The copy's history: a root commit and one after it, with no release tag.</summary>
    public static string CopyVersion => "0.3.0-dev.1";

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

    /// <summary>
    /// Made by the first lease, deleted after the last (ProcessCollectionFirst starts both collections that hold one
    /// together, so a run makes one).
    /// </summary>
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

    /// <summary>
    /// What the copy's first generation of FleetGen.Client printed: the steps a build runs before compiling
    /// (<see cref="ClientGenerationTarget"/>: the operation table, Kiota, the façade), restoring the client and building
    /// the emitter first; run on the first call when the packages are the main job's (the copy's pack generated it).
    /// </summary>
    public Task<string> ClientGenerationAsync()
    {
        lock (clientGenerationGate)
        {
            return clientGeneration ??= GenerateClientAsync();
        }

        async Task<string> GenerateClientAsync() =>
            (await GenerateAsync(Copy.ClientProject, ClientGenerationTarget)).EnsureSuccess("generation of FleetGen.Client").Output;
    }

    /// <summary>Runs a generation target of a project of the copy, and the targets it depends on, in the copy's Release CI mode.</summary>
    public Task<DotnetCli.Result> GenerateAsync(string project, string target, params string[] arguments) =>
        DotnetAsync(["build", project, "-t:" + target, .. CiRelease, .. arguments]);

    /// <summary>
    /// The version `dotnet pack` gives FleetGen.Client at the copy's HEAD: MinVer's target, which pack runs to name the
    /// package (every package of a commit gets the same), without building the client.
    /// </summary>
    public async Task<string> PackageVersionAsync() =>
        (await DotnetAsync(["build", Copy.ClientProject, "-t:MinVer", "-getProperty:PackageVersion", .. CiRelease]))
            .EnsureSuccess("MinVer's version of FleetGen.Client").StandardOutput.Trim();

    /// <summary>The last of the client's generation targets (generator/FleetGen.Generator.targets); the others run before it.</summary>
    public const string ClientGenerationTarget = "FleetGenEmitFacade";

    private static string[] CiRelease => ["-c", "Release", "-p:ContinuousIntegrationBuild=true"];

    private static async Task<PackedRepository> CreateAsync()
    {
        var repository = new PackedRepository(new RepoCopy());
        try
        {
            await repository.CommitCopyAsync();
            var mainJob = await MainJobPackages.ReadAsync(Repo.Root);
            if (mainJob is not null)
            {
                (repository.Feed, repository.PackedRoot, repository.Commit) = (mainJob.Feed, Repo.Root, mainJob.Commit);
            }
            else
            {
                await repository.PackAsync();
            }

            await repository.InstallAsync();
            return repository;
        }
        catch
        {
            repository.Copy.Dispose();
            throw;
        }
    }

    private async Task CommitCopyAsync()
    {
        var identity = new[] { "-c", "user.name=fleetgen", "-c", "user.email=fleetgen@example.invalid" };
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        await GitAsync([.. identity, "commit", "-q", "-m", "snapshot"]);
        await GitAsync([.. identity, "commit", "-q", "--allow-empty", "-m", "a commit after the snapshot"]);
    }

    private async Task PackAsync()
    {
        (Feed, PackedRoot, Commit) = (Path.Combine(Copy.Root, "feed"), Copy.Root, (await GitAsync("rev-parse", "HEAD")).Trim());
        string[] ci = [.. CiRelease, "-o", Feed];
        var client = (await DotnetAsync(["pack", Copy.ClientProject, .. ci])).EnsureSuccess("dotnet pack FleetGen.Client").Output;
        lock (clientGenerationGate)
        {
            clientGeneration = Task.FromResult(client);
        }

        (await DotnetAsync(["pack", Path.Combine(Copy.Root, "src", "FleetGen.Kubeconfig", "FleetGen.Kubeconfig.csproj"), .. ci])).EnsureSuccess("dotnet pack FleetGen.Kubeconfig");
        (await DotnetAsync(["pack", Path.Combine(Copy.Root, "src", "FleetGen.Testing", "FleetGen.Testing.csproj"), .. ci])).EnsureSuccess("dotnet pack FleetGen.Testing");
        (await DotnetAsync(["pack", Path.Combine(Copy.Root, "src", "FleetGen.FakeServer.Tool", "FleetGen.FakeServer.Tool.csproj"), .. ci])).EnsureSuccess("dotnet pack fleetgen-fake");
        var cli = Path.Combine(Copy.Root, "src", "FleetGen.Cli", "FleetGen.Cli.csproj");
        string[] tool = [.. ci, "-p:FleetGenReadyToRun=true", "-p:FleetGenToolPlatforms=this"];
        (await DotnetAsync(["pack", cli, .. tool, "-p:FleetGenNativeAot=false", "-p:FleetGenNativeAotFollows=true"])).EnsureSuccess("dotnet pack fleetgen");
        (await DotnetAsync(["pack", cli, "-r", "linux-x64", .. tool, "-p:FleetGenNativeAot=true"])).EnsureSuccess("dotnet pack fleetgen -r linux-x64");
    }

    // A global packages folder of the copy's own keeps a package of the same version restored earlier (the copy's
    // version repeats from run to run, the main job's from edit to edit) from being installed instead of this one.
    private async Task InstallAsync()
    {
        var install = await DotnetCli.RunAsync(Copy.Root, Timeout, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(Copy.Root, "tool-packages") },
            "tool", "install", "fleetgen", "--version", Version, "--tool-path", Path.Combine(Copy.Root, "tool"), "--add-source", Feed);
        install.EnsureSuccess("dotnet tool install");
    }

    internal static async Task<string> RunGitAsync(string directory, params string[] arguments) => (await DotnetCli.RunProgramAsync(
        "git", directory, TimeSpan.FromMinutes(1), null, null, arguments)).EnsureSuccess($"git {string.Join(' ', arguments)}").StandardOutput;
}
