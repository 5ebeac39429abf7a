using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetGen.Testing;

namespace FleetGen.Benchmarks;

/// <summary>
/// Wall time of <c>fleetgen get-credentials --file</c> against the fake UCS server, against the floor for a .NET command:
/// a minimal console program making the same POST with HttpClient and writing the same bytes to a file. Interleaved runs.
/// Both are started through their own executables, as users start them.
/// </summary>
internal static class CliWallTime
{
    public static async Task<int> RunAsync(string fleetgen, string floor, int runs, string outputDirectory)
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

        await TimeAsync(fleetgen, cliArguments(-1), environment).ConfigureAwait(false);
        await TimeAsync(floor, floorArguments(-1), environment).ConfigureAwait(false);
        var cli = new List<double>();
        var baseline = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            cli.Add(await TimeAsync(fleetgen, cliArguments(run), environment).ConfigureAwait(false));
            baseline.Add(await TimeAsync(floor, floorArguments(run), environment).ConfigureAwait(false));
        }

        var (cliMedian, floorMedian) = (Median(cli), Median(baseline));
        var ratio = cliMedian / floorMedian;
        var report = new StringBuilder()
            .AppendLine("## CLI wall time (median of interleaved runs, same run)").AppendLine()
            .AppendLine("| Measurement | Median | Baseline | Ratio |")
            .AppendLine("|---|---:|---|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| floor: minimal HttpClient console program, {runs} runs | {floorMedian:F0} ms | (baseline) | 1.00x |")
            .AppendLine(CultureInfo.InvariantCulture, $"| fleetgen get-credentials --file (installed tool), {runs} runs | {cliMedian:F0} ms | floor | {ratio:F2}x |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- {(ratio <= 1.5 ? "MET" : "NOT MET")}: fleetgen at most 1.5x the floor: {ratio:F2}x");
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

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fleetgen-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
