using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetGen.Client;
using FleetGen.Testing;

namespace FleetGen.Benchmarks;

/// <summary>
/// How many requests enabling federation and waiting for a CreateFederation job of four sub-jobs makes against the fake
/// server, against the minimum: one poll per interval while the job runs, plus the one that sees it end.
/// </summary>
internal static class WaitRequestCount
{
    public static async Task<int> RunAsync(string outputDirectory)
    {
        var step = TimeSpan.FromMilliseconds(250);
        var interval = TimeSpan.FromMilliseconds(250);
        var rows = new StringBuilder();
        for (var run = 1; run <= 3; run++)
        {
            await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = step });
            server.AddFleet("fleet-bench", federationEnabled: false);
            using var client = new FleetClient(server.ClientOptions());
            var watch = Stopwatch.StartNew();
            var enable = await client.StartEnableFederationAsync("fleet-bench");
            await enable.WaitForCompletionAsync(new FederationWaitOptions { PollInterval = interval, Timeout = TimeSpan.FromMinutes(1) });
            watch.Stop();
            var polls = server.Requests.SkipWhile(r => r.Method != "POST").Count(r => r.Method == "GET" && r.RawTarget.EndsWith("/progress", StringComparison.Ordinal));
            var minimum = (int)Math.Ceiling(step * 4 / interval) + 1;
            rows.AppendLine(CultureInfo.InvariantCulture, $"| {run} | {server.Requests.Count} | {polls} | {minimum} | {(double)polls / minimum:F2}x | {watch.Elapsed.TotalMilliseconds:F0} ms |");
        }

        var report = new StringBuilder()
            .AppendLine("## Requests of a wait (StartEnableFederationAsync, then WaitForCompletionAsync, a job of four sub-jobs, 250 ms steps, 250 ms poll interval)").AppendLine()
            .AppendLine("| Run | Requests in all | Polls after the enable call | Minimum polls (one per interval, plus the last) | Ratio | Wall time |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|")
            .Append(rows)
            .AppendLine()
            .AppendLine("Requests in all = one read of the current job (so the operation never takes it for the new one), the enable call, and the polls.");
        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "wait.md"), report.ToString());
        Console.WriteLine(report);
        return 0;
    }
}
