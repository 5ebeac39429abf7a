// FleetGen build: generate (inside Build), build, test, pack. `dotnet tool restore && dotnet cake` runs it all.
var target = Argument("target", "Pack");

// Every process the build starts (MSBuild, the compiler, the generators, the test host) lives seconds to a minute: the
// JIT's profile-guided instrumentation costs them more than it gives back (a clean Release build on 2 cores: 76 s
// with it, 65 s without). The runtime's own setting; it changes nothing that is built.
System.Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
var configuration = Argument("configuration", "Release");

var solution = File("./FleetGen.sln");
var clientProject = File("./src/FleetGen.Client/FleetGen.Client.csproj");
var cliProject = File("./src/FleetGen.Cli/FleetGen.Cli.csproj");
var libraryProjects = new[] { clientProject, File("./src/FleetGen.Kubeconfig/FleetGen.Kubeconfig.csproj"), File("./src/FleetGen.Testing/FleetGen.Testing.csproj") };
var fakeToolProject = File("./src/FleetGen.FakeServer.Tool/FleetGen.FakeServer.Tool.csproj");
var packagesDir = Directory("./artifacts/packages");
var workingTree = target is "Pack" or "Release" ? WorkingTreeId() : null;

DotNetMSBuildSettings NoBuildServers() => new DotNetMSBuildSettings().WithProperty("UseSharedCompilation", "false");

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./artifacts");
    CleanDirectories("./src/**/bin");
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin");
    CleanDirectories("./tests/**/obj");
});

Task("Build")
    .Description("Regenerates the client from spec/ when the contract changed, then builds the solution.")
    .Does(() =>
{
    // A Release build is a CI-mode build (Directory.Build.props: deterministic paths, Source Link to the public
    // repository), what gets packed; `dotnet test -c Release` afterwards builds the same and finds it up to date.
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = configuration == "Release" ? null : new DotNetMSBuildSettings().WithProperty("ContinuousIntegrationBuild", "true"),
    });
});

Task("Test")
    .Description("Every test, with strict snapshots.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        EnvironmentVariables = { ["SNAPSHOOTER_STRICT_MODE"] = "true" },
        MSBuildSettings = NoBuildServers(),
    });
});

Task("QuickTest")
    .Description("The fast tests (Category!=Slow), with strict snapshots: the inner loop; `dotnet test` runs them all.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Filter = "Category!=Slow",
        EnvironmentVariables = { ["SNAPSHOOTER_STRICT_MODE"] = "true" },
        MSBuildSettings = NoBuildServers(),
    });
});

// The tool packages of this machine's platform and the portable one; the Release target packs every platform.
const string ThisPlatform = "this";
const string AllPlatforms = "all";

Task("CheckGenerated")
    .Description("The generation tests (Category!=Slow): the generated code and the public API against their strict snapshots, the main job's check; `dotnet test` runs every test.")
    .IsDependentOn("Build")
    .Does(() => CheckGenerated());

Task("Pack")
    .Description("The main job: regenerate, build, check the generated output while packing (this platform's tool and the portable one), run the packed tool.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The check reads what Build compiled and the packs write only the tool's platform folders and the feed, so they
    // run together; a failed check fails the job once the packs are done.
    var check = System.Threading.Tasks.Task.Run(CheckGenerated);
    PackPackages(ThisPlatform);
    check.GetAwaiter().GetResult();
});

void CheckGenerated() => DotNetTest("./tests/FleetGen.Client.Tests/FleetGen.Client.Tests.csproj", new DotNetTestSettings
{
    Configuration = configuration,
    NoBuild = true,
    Filter = "FullyQualifiedName~FleetGen.Client.Tests.Generation.&Category!=Slow",
    EnvironmentVariables = { ["SNAPSHOOTER_STRICT_MODE"] = "true" },
    MSBuildSettings = NoBuildServers(),
});

Task("Release")
    .Description("Every test, then the packages with the tool for every platform (downloads their runtime packs once).")
    .IsDependentOn("Test")
    .Does(() => PackPackages(AllPlatforms));

void PackPackages(string toolPlatforms)
{
    CleanDirectory(packagesDir);

    // The libraries and fleetgen-fake (one portable package: .NET 10 with ASP.NET Core) are packed from what Build
    // compiled while the tool is compiled for its platforms; the tool's packs compile only the CLI (its references are
    // Build's), so the two never write the same file.
    var libraries = System.Threading.Tasks.Task.Run(() =>
    {
        foreach (var project in libraryProjects.Append(fakeToolProject))
        {
            DotNetPack(project, new DotNetPackSettings
            {
                Configuration = configuration,
                NoBuild = true,
                OutputDirectory = packagesDir,
            });
        }
    });
    PackTool(packagesDir, toolPlatforms);
    libraries.GetAwaiter().GetResult();

    foreach (var package in GetFiles($"{packagesDir}/*.nupkg").Concat(GetFiles($"{packagesDir}/*.snupkg")))
    {
        Information("Packed {0}", package.GetFilename());
    }

    // The tree packed, for the slow tests: they use these packages instead of packing again while the tree is the same.
    var stamp = MakeAbsolute(packagesDir + File("packed-from.txt")).FullPath;
    var commit = Git("rev-parse HEAD");

    // The packed tool as users get it: installed from the feed, this platform's package runs the whole lifecycle of
    // the demo sample against the fake server (the demo needs kubectl; without it, only the help is checked).
    var fleetgen = InstallTool(MakeAbsolute(packagesDir), MakeAbsolute(Directory("./artifacts/tool-check")));
    var hasKubectl = Context.Tools.Resolve(IsRunningOnWindows() ? "kubectl.exe" : "kubectl") is not null;
    var demo = MakeAbsolute(File($"./samples/FleetGen.Demo/bin/{configuration}/net10.0/FleetGen.Demo.dll")).FullPath;
    var (program, arguments) = hasKubectl ? ("dotnet", $"\"{demo}\" \"{fleetgen}\"") : (fleetgen, "--help");
    if (StartProcess(program, new ProcessSettings { Arguments = arguments }) != 0)
    {
        throw new Exception($"the installed fleetgen failed: {program} {arguments}");
    }

    if (workingTree is not null && commit is not null)
    {
        System.IO.File.WriteAllLines(stamp,
            [$"tree {workingTree}", $"commit {commit}", $"configuration {configuration}", $"native-aot {(NativeAotToolchain() is null ? "true" : "false")}"]);
    }
}

// The working tree's content (tracked and untracked files, .gitignore applied) as git's tree id, hashed through an index
// of its own (the repository's index stays as it is); null outside a git repository. Taken when the job starts, so an
// edit during the job makes the packages stale for the tests. MainJobPackages in the tests runs the same two commands.
string WorkingTreeId()
{
    var index = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fleetgen-index-" + Guid.NewGuid().ToString("N"));
    try
    {
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        return Git("add -A", environment) is null ? null : Git("write-tree", environment);
    }
    finally
    {
        System.IO.File.Delete(index);
    }
}

// The first line git printed, or null when git failed or is missing.
string Git(string arguments, IDictionary<string, string> environment = null)
{
    try
    {
        var settings = new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true, RedirectStandardError = true, EnvironmentVariables = environment };
        return StartProcess("git", settings, out var output) == 0 ? output.FirstOrDefault() ?? string.Empty : null;
    }
    catch (Exception)
    {
        return null;
    }
}

// The fleetgen tool: a Native AOT package for linux-x64 when this machine can compile it, ReadyToRun packages for the
// other platforms (published for each, so not NoBuild) and a portable one; platforms "this" (this machine's) or "all".
// A CI-mode build as Build's, so FleetGen.Client is not compiled again in another mode; Build compiled the references.
void PackTool(DirectoryPath output, string platforms)
{
    var nativeAot = NativeAotToolchain();
    if (nativeAot is not null)
    {
        Information($"Native AOT skipped: {nativeAot}; the linux-x64 package is ReadyToRun instead.");
    }

    // A tool package is what its publish folder holds: no files left there by an earlier publish.
    CleanDirectories($"./src/FleetGen.Cli/bin/{configuration}/**/publish");

    // Every package (linux-x64 ReadyToRun at first), then the native linux-x64 package in its place: the SDK compiles a
    // RID-specific tool package natively only when packed for that RID alone.
    DotNetPack(cliProject, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = output,
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("ContinuousIntegrationBuild", "true")
            .WithProperty("FleetGenReadyToRun", "true")
            .WithProperty("FleetGenToolPlatforms", platforms)
            .WithProperty("FleetGenNativeAot", "false")
            .WithProperty("FleetGenNativeAotFollows", nativeAot is null ? "true" : "false")
            .WithProperty("BuildProjectReferences", "false"),
    });
    if (nativeAot is null)
    {
        DotNetPack(cliProject, new DotNetPackSettings
        {
            Configuration = configuration,
            OutputDirectory = output,
            Runtime = "linux-x64",
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("ContinuousIntegrationBuild", "true")
                .WithProperty("FleetGenReadyToRun", "true")
                .WithProperty("FleetGenToolPlatforms", platforms)
                .WithProperty("FleetGenNativeAot", "true")
                .WithProperty("BuildProjectReferences", "false"),
        });
    }
}

// Why Native AOT cannot be compiled here, or null when it can: it needs Linux x64, a C compiler and linker (clang, or
// gcc) and zlib's headers (Debian: apt-get install clang zlib1g-dev).
string NativeAotToolchain()
{
    if (!IsRunningOnLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
    {
        return "this machine is not Linux x64";
    }

    if (Context.Tools.Resolve("clang") is null && Context.Tools.Resolve("gcc") is null)
    {
        return "no C toolchain (clang or gcc) on PATH";
    }

    return System.IO.File.Exists("/usr/include/zlib.h") ? null : "zlib's headers are missing (zlib1g-dev)";
}

Task("UpdateSnapshots")
    .Description("Accepts the current generated code and public API: rewrites every snapshot. Review the result with git diff.")
    .Does(() =>
{
    DeleteFiles("./tests/**/__snapshots__/*.snap");
    CleanDirectories("./tests/**/__snapshots__/__mismatch__");
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        Filter = "FullyQualifiedName~SnapshotTests",
        EnvironmentVariables = { ["SNAPSHOOTER_STRICT_MODE"] = "false" },
    });
    Information("Snapshots rewritten; review them with: git diff -- tests");
});

Task("BuildBench")
    .Description("No-op rebuild of FleetGen.Client with the generation step versus with it switched off.")
    .Does(() =>
{
    var report = BuildBench();
    Information(report);
    if (report.Contains("NOT MET"))
    {
        throw new Exception("The no-op rebuild goal (at most 1.10x) was not met; see above.");
    }
});

Task("Bench")
    .Description("Every performance figure against its baseline measured in the same run; writes artifacts/bench/report.md.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var benchDir = MakeAbsolute(Directory("./artifacts/bench"));
    EnsureDirectoryExists(benchDir);
    var benchmarks = MakeAbsolute(File($"./tests/FleetGen.Benchmarks/bin/{configuration}/net10.0/FleetGen.Benchmarks.dll")).FullPath;
    var fleetgen = InstallToolForBench(benchDir);
    var cliFloor = MakeAbsolute(File($"./tests/FleetGen.Benchmarks.CliFloor/bin/{configuration}/net10.0/FleetGen.Benchmarks.CliFloor{(IsRunningOnWindows() ? ".exe" : string.Empty)}")).FullPath;

    Dotnet($"\"{benchmarks}\" calls \"{benchDir}\"");
    Dotnet($"\"{benchmarks}\" wait \"{benchDir}\"");
    var cold = ColdStart(benchmarks, 10);
    // The floor of a native command: the same minimal console, compiled with Native AOT ("-" when it cannot be here).
    var nativeFloor = "-";
    if (NativeAotToolchain() is null)
    {
        var floorDir = benchDir.Combine("floor-aot");
        DotNetPublish("./tests/FleetGen.Benchmarks.CliFloor/FleetGen.Benchmarks.CliFloor.csproj", new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = "linux-x64",
            OutputDirectory = floorDir,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "true"),
        });
        nativeFloor = floorDir.CombineWithFilePath("FleetGen.Benchmarks.CliFloor").FullPath;
    }

    Dotnet($"\"{benchmarks}\" cli \"{fleetgen}\" \"{cliFloor}\" \"{nativeFloor}\" \"{PortableToolForBench(benchDir)}\" 20 \"{benchDir}\"");
    var build = BuildBench() + Environment.NewLine + RebuildAfterSpecChange() + Environment.NewLine + GenerationScaling();

    var machine = $"{Environment.ProcessorCount} cores, {System.GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    var report = new System.Text.StringBuilder()
        .AppendLine("# FleetGen performance report").AppendLine()
        .AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}. Every figure is a ratio against a baseline measured in the same run.").AppendLine()
        .AppendLine(System.IO.File.ReadAllText(benchDir.CombineWithFilePath("calls.md").FullPath))
        .AppendLine(System.IO.File.ReadAllText(benchDir.CombineWithFilePath("wait.md").FullPath))
        .AppendLine(cold)
        .AppendLine(System.IO.File.ReadAllText(benchDir.CombineWithFilePath("cli.md").FullPath))
        .AppendLine(build)
        .ToString();
    System.IO.File.WriteAllText(benchDir.CombineWithFilePath("report.md").FullPath, report);
    Information(report);
});

// The CLI is timed as users run it: the packed tool, installed from a local feed into a tool path.
string InstallToolForBench(DirectoryPath benchDir)
{
    var feed = benchDir.Combine("feed");
    CleanDirectory(feed);
    PackTool(feed, ThisPlatform);
    return InstallTool(feed, benchDir.Combine("tool"));
}

// The portable package's entry assembly, unpacked from the feed InstallToolForBench packed: what `dotnet tool install`
// gives a platform without a package of its own, run here with `dotnet`.
string PortableToolForBench(DirectoryPath benchDir)
{
    var package = GetFiles($"{benchDir.Combine("feed")}/fleetgen.any.*.nupkg").Single();
    var unpacked = benchDir.Combine("portable");
    CleanDirectory(unpacked);
    System.IO.Compression.ZipFile.ExtractToDirectory(package.FullPath, unpacked.FullPath);
    return GetFiles($"{unpacked}/tools/**/fleetgen.dll").Single().FullPath;
}

// Installs fleetgen from a feed into a tool path, as `dotnet tool install` picks it for this platform; returns the command.
string InstallTool(DirectoryPath feed, DirectoryPath toolPath)
{
    CleanDirectory(toolPath);
    var package = GetFiles($"{feed}/fleetgen.any.*.nupkg").Select(f => f.GetFilenameWithoutExtension().ToString()).Single();
    var version = package.Substring("fleetgen.any.".Length);

    // A package of the same version restored earlier would be taken from the global packages folder instead of the feed.
    var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    foreach (var restored in System.IO.Directory.Exists(globalPackages) ? System.IO.Directory.GetDirectories(globalPackages, "fleetgen*") : [])
    {
        var copy = System.IO.Path.Combine(restored, version);
        if (System.IO.Directory.Exists(copy))
        {
            System.IO.Directory.Delete(copy, recursive: true);
        }
    }

    Dotnet($"tool install fleetgen --version {version} --tool-path \"{toolPath}\" --add-source \"{feed}\" --no-http-cache");
    return toolPath.CombineWithFilePath("fleetgen" + (IsRunningOnWindows() ? ".exe" : string.Empty)).FullPath;
}

void Dotnet(string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
    if (exit != 0)
    {
        throw new Exception($"dotnet {arguments} exited {exit}");
    }
}

double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted[sorted.Count / 2];
}

double RunTimed(string file, string arguments, string workingDirectory = null)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var exit = StartProcess(file, new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true }, out var output);
    if (exit != 0)
    {
        throw new Exception($"{file} {arguments} exited {exit}: {string.Join(Environment.NewLine, output)}");
    }
    return watch.Elapsed.TotalMilliseconds;
}

string ColdStart(string benchmarks, int runs)
{
    double FirstCall(string contestant)
    {
        StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{benchmarks}\" cold {contestant}", RedirectStandardOutput = true }, out var output);
        return double.Parse(output.Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    var floor = new List<double>();
    var fleetgen = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        floor.Add(FirstCall("floor"));
        fleetgen.Add(FirstCall("fleetgen"));
    }

    var ratio = Median(fleetgen) / Median(floor);
    return new System.Text.StringBuilder()
        .AppendLine("## Cold start: the first call in a fresh process, setup included (median of interleaved runs)").AppendLine()
        .AppendLine("| Measurement | Median | Baseline | Ratio |").AppendLine("|---|---:|---|---:|")
        .AppendLine($"| floor: HttpClient + STJ source generation, {runs} processes | {Median(floor) / 1000:F1} ms | (baseline) | 1.00x |")
        .AppendLine($"| FleetGen client, token, {runs} processes | {Median(fleetgen) / 1000:F1} ms | floor | {ratio:F2}x |")
        .ToString();
}

string BuildBench()
{
    const int rounds = 7;
    DotNetBuild(clientProject, new DotNetBuildSettings { Configuration = configuration });

    TimeSpan TimeBuild(bool skipGeneration)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        DotNetBuild(clientProject, new DotNetBuildSettings
        {
            Configuration = configuration,
            NoRestore = true,
            Verbosity = DotNetVerbosity.Quiet,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("FleetGenSkipGeneration", skipGeneration ? "true" : "false"),
        });
        return watch.Elapsed;
    }

    TimeBuild(false);
    TimeBuild(true);
    var withGeneration = new List<double>();
    var withoutGeneration = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        withGeneration.Add(TimeBuild(false).TotalMilliseconds);
        withoutGeneration.Add(TimeBuild(true).TotalMilliseconds);
    }

    var ratio = Median(withGeneration) / Median(withoutGeneration);
    return new System.Text.StringBuilder()
        .AppendLine($"## No-op rebuild of FleetGen.Client (median of {rounds} interleaved runs)").AppendLine()
        .AppendLine("| Measurement | Median | Baseline | Ratio |").AppendLine("|---|---:|---|---:|")
        .AppendLine($"| generation switched off (-p:FleetGenSkipGeneration=true) | {Median(withoutGeneration):F0} ms | (baseline) | 1.00x |")
        .AppendLine($"| with the generation step (skipped: inputs unchanged) | {Median(withGeneration):F0} ms | generation off | {ratio:F3}x |")
        .AppendLine().AppendLine($"- {(ratio <= 1.10 ? "MET" : "NOT MET")}: at most 1.10x: {ratio:F3}x")
        .ToString();
}

DirectoryPath CopyForBuild()
{
    var copy = DirectoryPath.FromString(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fleetgen-bench-" + Guid.NewGuid().ToString("N")));
    EnsureDirectoryExists(copy);
    foreach (var file in new[] { "global.json", "dotnet-tools.json", "Directory.Build.props", "Directory.Packages.props" })
    {
        CopyFile(file, copy.CombineWithFilePath(file));
    }
    foreach (var folder in new[] { "spec", "generator", "src/FleetGen.Client" })
    {
        CopyDirectory(folder, copy.Combine(folder));
        foreach (var output in new[] { "bin", "obj" }.Select(o => copy.Combine(folder).Combine(o)).Where(DirectoryExists))
        {
            DeleteDirectory(output, new DeleteDirectorySettings { Recursive = true });
        }
    }
    DeleteDirectories(GetDirectories($"{copy.FullPath}/generator/**/bin").Concat(GetDirectories($"{copy.FullPath}/generator/**/obj")), new DeleteDirectorySettings { Recursive = true });
    return copy;
}

string RebuildAfterSpecChange()
{
    var copy = CopyForBuild();
    var project = copy.CombineWithFilePath("src/FleetGen.Client/FleetGen.Client.csproj").FullPath;
    var spec = copy.CombineWithFilePath("spec/ucs.yaml").FullPath;
    try
    {
        RunTimed("dotnet", $"build \"{project}\" -c {configuration}");
        RunTimed("dotnet", $"build \"{project}\" -c {configuration} --no-restore");
        var noOp = new List<double>();
        var changed = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            noOp.Add(RunTimed("dotnet", $"build \"{project}\" -c {configuration} --no-restore"));
            var text = System.IO.File.ReadAllText(spec);
            System.IO.File.WriteAllText(spec, text.Replace("description: Fleet ID", $"description: Fleet ID ({round})"));
            changed.Add(RunTimed("dotnet", $"build \"{project}\" -c {configuration} --no-restore"));
            System.IO.File.WriteAllText(spec, text);
            RunTimed("dotnet", $"build \"{project}\" -c {configuration} --no-restore");
        }

        return new System.Text.StringBuilder()
            .AppendLine("## Rebuild after a one-line spec change (median of 3, in a temporary copy)").AppendLine()
            .AppendLine("| Measurement | Median | Baseline | Ratio |").AppendLine("|---|---:|---|---:|")
            .AppendLine($"| no-op rebuild | {Median(noOp):F0} ms | (baseline) | 1.00x |")
            .AppendLine($"| rebuild after a description in the spec changed (Kiota, contract rules, compile) | {Median(changed):F0} ms | no-op | {Median(changed) / Median(noOp):F2}x |")
            .ToString();
    }
    finally
    {
        DeleteDirectory(copy, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
}

string GenerationScaling()
{
    var spec = System.IO.File.ReadAllText("./spec/ucs.yaml");
    var pathsStart = spec.IndexOf("\npaths:\n") + "\npaths:\n".Length;
    var pathsEnd = spec.IndexOf("\ncomponents:\n") + 1;
    // The CreateFederationCert path item, copied under new paths and operationIds: 1, 10 and 100 operations alike.
    var certStart = spec.IndexOf("\n  /v1/clustergroups/{clustergroupid}/cert:\n") + 1;
    var nextPath = spec.IndexOf("\n  /", certStart);
    var certEnd = nextPath < 0 || nextPath > pathsEnd ? pathsEnd : nextPath + 1;
    var pathItem = spec.Substring(certStart, certEnd - certStart);
    var work = DirectoryPath.FromString(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fleetgen-kiota-" + Guid.NewGuid().ToString("N")));
    EnsureDirectoryExists(work);
    var kiotaArguments = "--language CSharp --class-name UcsApiClient --namespace-name FleetGen.Client --exclude-backward-compatible --clean-output --log-level Warning --structured-mime-types application/json --disable-validation-rules MultipleServerEntries";
    var environment = "KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false";
    var results = new List<(int Operations, double Milliseconds)>();
    try
    {
        foreach (var operations in new[] { 1, 10, 100 })
        {
            var items = new System.Text.StringBuilder(pathItem);
            for (var i = 1; i < operations; i++)
            {
                items.Append(pathItem.Replace("/cert:", $"/cert{i}:").Replace("operationId: CreateFederationCert", $"operationId: CreateFederationCert{i}"));
            }
            var file = work.CombineWithFilePath($"spec-{operations}.yaml").FullPath;
            System.IO.File.WriteAllText(file, spec.Substring(0, pathsStart) + items + spec.Substring(pathsEnd));
            var output = work.Combine($"out-{operations}").FullPath;
            var times = Enumerable.Range(0, 3)
                .Select(_ => RunTimed("bash", $"-c \"{environment} dotnet kiota generate --openapi '{file}' --output '{output}' {kiotaArguments}\""))
                .ToList();
            if (!System.IO.File.Exists(System.IO.Path.Combine(output, "UcsApiClient.cs")))
            {
                throw new Exception($"Kiota generated nothing for {operations} operations.");
            }
            results.Add((operations, Median(times)));
        }
    }
    finally
    {
        DeleteDirectory(work, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    var perOperationSmall = (results[1].Milliseconds - results[0].Milliseconds) / 9;
    var perOperationLarge = (results[2].Milliseconds - results[1].Milliseconds) / 90;
    var growth = perOperationLarge / Math.Max(perOperationSmall, 0.001);
    var report = new System.Text.StringBuilder()
        .AppendLine("## Kiota generation time by spec size (median of 3, into a temporary folder)").AppendLine()
        .AppendLine("| Operations | Median | Baseline | Ratio |").AppendLine("|---:|---:|---|---:|");
    foreach (var (operations, milliseconds) in results)
    {
        report.AppendLine($"| {operations} | {milliseconds:F0} ms | 1 operation | {milliseconds / results[0].Milliseconds:F2}x |");
    }
    return report.AppendLine()
        .AppendLine($"Cost per added operation: {perOperationSmall:F1} ms from 1 to 10 operations, {perOperationLarge:F1} ms from 10 to 100 ({growth:F2}x).")
        .AppendLine($"- {(growth <= 1.5 ? "MET" : "NOT MET")}: generation grows no faster than linearly (per-operation cost from 10 to 100 at most 1.5x that from 1 to 10; a fixed start-up cost dominates small specs)")
        .ToString();
}

RunTarget(target);
