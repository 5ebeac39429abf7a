using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetGen.Testing;

namespace FleetGen.Benchmarks;

/// <summary>
/// Wall time and peak memory of <c>fleetgen get-credentials --file</c> against the fake UCS server, against the floors of
/// a .NET command: a minimal console program making the same POST with HttpClient and writing the same bytes to a file,
/// JIT-compiled and (when it can be built here) Native AOT-compiled. Interleaved runs, each started through its own
/// executable, as users start them; peak memory from GNU time's maximum resident set size.
/// </summary>
internal static class CliWallTime
{
    public static async Task<int> RunAsync(string fleetgen, string floor, string? nativeFloor, int runs, string outputDirectory)
    {
        await using var ucs = await FakeUcsServer.StartAsync().ConfigureAwait(false);
        using var folder = new TemporaryFolder();
        var environment = new Dictionary<string, string> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken };
        string[] cliArguments(int run) =>
        [
            "get-credentials", "--fleet", FakeUcsServerOptions.DefaultFleet, "--project-id", "p", "--vpc-id", "v", "--subnet-id", "s",
            "--endpoint", ucs.BaseUrl.ToString(), "--allow-http", "--file", Path.Combine(folder.Path, $"cli-{run}"),
        ];
        string[] floorArguments(int run) => [ucs.BaseUrl.ToString(), FakeUcsServerOptions.DefaultFleet, Path.Combine(folder.Path, $"floor-{run}")];

        var contestants = new List<(string Name, string Executable, Func<int, string[]> Arguments)>
        {
            ("floor: minimal HttpClient console program (JIT)", floor, floorArguments),
            ("fleetgen get-credentials --file (installed tool)", fleetgen, cliArguments),
        };
        if (nativeFloor is not null)
        {
            contestants.Insert(1, ("floor: the same console, Native AOT", nativeFloor, floorArguments));
        }

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

        var baselineName = nativeFloor is null ? contestants[0].Name : contestants[1].Name;
        var baseline = Median(times[baselineName]);
        var report = new StringBuilder()
            .AppendLine("## CLI wall time and peak memory (median of interleaved runs, same run)").AppendLine()
            .AppendLine("| Measurement | Median | Ratio | Peak memory (max RSS) |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var contestant in contestants)
        {
            var median = Median(times[contestant.Name]);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {contestant.Name}, {runs} runs | {median:F0} ms | {median / baseline:F2}x{(contestant.Name == baselineName ? " (baseline)" : string.Empty)} | {memory[contestant.Name] / 1024.0:F1} MB |");
        }

        var ratio = Median(times[contestants[^1].Name]) / baseline;
        report.AppendLine().AppendLine(nativeFloor is null
            ? "- NOT MEASURED: no Native AOT floor could be built here (no C toolchain or zlib); ratio against the JIT floor above"
            : string.Create(CultureInfo.InvariantCulture, $"- {(ratio <= 1.5 ? "MET" : "NOT MET")}: fleetgen at most 1.5x the Native AOT floor: {ratio:F2}x"));
        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "cli.md"), report.ToString()).ConfigureAwait(false);
        Console.WriteLine(report);
        return 0;
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
