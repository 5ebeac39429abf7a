// FleetGen build: generate (inside Build), build, test, pack. `dotnet tool restore && dotnet cake` runs it all.
var target = Argument("target", "Pack");
var configuration = Argument("configuration", "Release");

var solution = File("./FleetGen.sln");
var clientProject = File("./src/FleetGen.Client/FleetGen.Client.csproj");
var packageProjects = new[] { clientProject, File("./src/FleetGen.Testing/FleetGen.Testing.csproj"), File("./src/FleetGen.Cli/FleetGen.Cli.csproj") };
var packagesDir = Directory("./artifacts/packages");

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
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
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

Task("Pack")
    .IsDependentOn("Test")
    .Does(() =>
{
    foreach (var project in packageProjects)
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            OutputDirectory = packagesDir,
        });
    }
    foreach (var package in GetFiles($"{packagesDir}/*.nupkg").Concat(GetFiles($"{packagesDir}/*.snupkg")))
    {
        Information("Packed {0}", package.GetFilename());
    }
});

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

    double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
    var ratio = Median(withGeneration) / Median(withoutGeneration);
    Information("No-op rebuild of FleetGen.Client, median of {0} interleaved runs:", rounds);
    Information("  with generation step (skipped, inputs unchanged): {0:F0} ms", Median(withGeneration));
    Information("  generation switched off (FleetGenSkipGeneration):  {0:F0} ms", Median(withoutGeneration));
    Information("  ratio: {0:F3}x (goal: at most 1.10x) {1}", ratio, ratio <= 1.10 ? "MET" : "NOT MET");
    if (ratio > 1.10)
    {
        throw new Exception($"No-op rebuild with generation costs {ratio:F3}x the build without it; the goal is at most 1.10x.");
    }
});

RunTarget(target);
