using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetGen.Testing;

namespace FleetGen.Benchmarks;

/// <summary>
/// Wall time and peak memory of <c>fleetgen get-credentials --file</c> against the fake UCS server, against the floors of
/// a .NET command: a minimal console program making the same POST with HttpClient and writing the same bytes to a file,
/// JIT-compiled and (when it can be built here) Native AOT-compiled, and the portable package run with dotnet; and of
/// <c>fleetgen credential</c> served from its cache against the same console printing a file. Interleaved runs, each
/// started through its own executable, as users start them; peak memory from GNU time's maximum resident set size.
/// </summary>
internal static class CliWallTime
{
    private sealed record Contestant(string Name, string Executable, Func<int, string[]> Arguments);

    /// <param name="portable">The portable package's fleetgen.dll, run with dotnet; <c>null</c> when it was not measured.</param>
    public static async Task<int> RunAsync(string fleetgen, string floor, string? nativeFloor, string? portable, int runs, string outputDirectory)
    {
        await using var ucs = await FakeUcsServer.StartAsync().ConfigureAwait(false);
        using var folder = new TemporaryFolder();
        var cacheRoot = Path.Combine(folder.Path, "cache");
        var environment = new Dictionary<string, string> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken, ["KUBECACHEDIR"] = cacheRoot };
        string[] cliArguments(int run) =>
        [
            "get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s",
            "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--file", Path.Combine(folder.Path, $"cli-{run}"),
        ];
        string[] floorArguments(int run) => [ucs.BaseUrl.ToString(), FakeUcsServerOptions.DefaultFleet, Path.Combine(folder.Path, $"floor-{run}")];

        var getCredentials = new List<Contestant>
        {
            new("floor: minimal HttpClient console program (JIT)", floor, floorArguments),
            new("fleetgen get-credentials --file (installed tool)", fleetgen, cliArguments),
        };
        if (nativeFloor is not null)
        {
            getCredentials.Insert(1, new("floor: the same console, Native AOT", nativeFloor, floorArguments));
        }

        if (portable is not null)
        {
            getCredentials.Add(new("fleetgen get-credentials --file (portable package, dotnet fleetgen.dll)", "dotnet", run => [portable, .. cliArguments(run)]));
        }

        var report = new StringBuilder();
        report.Append(await MeasureAsync(
            "CLI wall time and peak memory: get-credentials (median of interleaved runs, same run)", getCredentials, getCredentials[nativeFloor is null ? 0 : 1].Name,
            "fleetgen get-credentials --file (installed tool)", nativeFloor is not null, runs, environment).ConfigureAwait(false));

        // A cache hit of the exec credential plugin: the credential cached once, then served from the file each run.
        using (var client = new FleetGen.Client.FleetClient(ucs.ClientOptions()))
        {
            await new FleetGen.Client.Credentials.FederationCredentialCache(Path.Combine(cacheRoot, "fleetgen")).GetAsync(client, FakeUcsServerOptions.DefaultFleet).ConfigureAwait(false);
        }

        var cacheFile = Directory.GetFiles(Path.Combine(cacheRoot, "fleetgen"), "*.json").Single();
        var requests = ucs.Requests.Count;
        var credential = new List<Contestant>
        {
            new("floor: a console printing a file (Native AOT, JIT without a C toolchain)", nativeFloor ?? floor, _ => ["print", cacheFile]),
            new("fleetgen credential, served from the cache (installed tool)", fleetgen, _ => ["credential", "--fleet", FakeUcsServerOptions.DefaultFleet, "--endpoint", ucs.BaseUrl.ToString(), "--allow-http"]),
        };
        report.AppendLine().Append(await MeasureAsync(
            "CLI wall time and peak memory: the exec credential plugin's cache hit (median of interleaved runs, same run)", credential, credential[0].Name,
            credential[1].Name, nativeFloor is not null, runs, environment).ConfigureAwait(false));
        report.AppendLine(CultureInfo.InvariantCulture, $"- requests the cache hits sent: {ucs.Requests.Count - requests} (expected 0)");

        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "cli.md"), report.ToString()).ConfigureAwait(false);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>One table: a warm-up run of each, then <paramref name="runs"/> interleaved rounds, then one run each under GNU time for peak memory.</summary>
    private static async Task<string> MeasureAsync(string title, List<Contestant> contestants, string baselineName, string budgeted, bool nativeBaseline, int runs, Dictionary<string, string> environment)
    {
        foreach (var contestant in contestants)
        {
            await TimeAsync(contestant.Executable, contestant.Arguments(-1), environment).ConfigureAwait(false);
        }

        var times = contestants.ToDictionary(c => c.Name, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var contestant in contestants)
            {
                times[contestant.Name].Add(await TimeAsync(contestant.Executable, contestant.Arguments(run), environment).ConfigureAwait(false));
            }
        }

        var memory = new Dictionary<string, long>();
        foreach (var contestant in contestants)
        {
            memory[contestant.Name] = await PeakKilobytesAsync(contestant.Executable, contestant.Arguments(runs), environment).ConfigureAwait(false);
        }

        var baseline = Median(times[baselineName]);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine()
            .AppendLine("| Measurement | Median | Ratio | Peak memory (max RSS) |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var contestant in contestants)
        {
            var median = Median(times[contestant.Name]);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {contestant.Name}, {runs} runs | {median:F1} ms | {median / baseline:F2}x{(contestant.Name == baselineName ? " (baseline)" : string.Empty)} | {memory[contestant.Name] / 1024.0:F1} MB |");
        }

        var ratio = Median(times[budgeted]) / baseline;
        report.AppendLine().AppendLine(nativeBaseline
            ? string.Create(CultureInfo.InvariantCulture, $"- {(ratio <= 1.5 ? "MET" : "NOT MET")}: {budgeted} at most 1.5x the Native AOT floor: {ratio:F2}x")
            : "- NOT MEASURED: no Native AOT floor could be built here (no C toolchain or zlib); ratio against the JIT floor above");
        return report.ToString();
    }

    private static async Task<double> TimeAsync(string executable, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }

        return elapsed;
    }

    /// <summary>The maximum resident set size of one run, in KB, as GNU time reports it.</summary>
    private static async Task<long> PeakKilobytesAsync(string executable, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "%M", executable }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        await output.ConfigureAwait(false);
        return long.Parse(error.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fleetgen-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
