using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FleetGen.Benchmarks;

/// <summary>Runs the per-call benchmarks and writes their table with ratios against the floor measured in the same run.</summary>
internal static class CallOverheadReport
{
    public static int Run(string outputDirectory)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(outputDirectory, "BenchmarkDotNet"));
        var calls = BenchmarkRunner.Run<CallBenchmarks>(config);
        var connection = BenchmarkRunner.Run<ConnectionCallBenchmarks>(config);
        var signingCrypto = Measure(BenchmarkRunner.Run<SigningCryptoBenchmarks>(config), nameof(SigningCryptoBenchmarks.SigningCrypto));

        var rows = new List<Row>();
        var floor = Measure(calls, nameof(CallBenchmarks.Floor));
        var token = Measure(calls, nameof(CallBenchmarks.FleetGenToken));
        var aksk = Measure(calls, nameof(CallBenchmarks.FleetGenAkSk));
        rows.Add(new("call: floor (HttpClient + STJ source generation)", floor, floor));
        rows.Add(new("call: plain Kiota client", Measure(calls, nameof(CallBenchmarks.PlainKiota)), floor));
        rows.Add(new("call: plain Kiota client + FleetGen's kubeconfig checks", Measure(calls, nameof(CallBenchmarks.PlainKiotaChecked)), floor));
        rows.Add(new("call: FleetGen, token", token, floor));
        rows.Add(new("call: FleetGen, AK/SK", aksk, floor));
        rows.Add(new("AK/SK: platform crypto alone (2x SHA-256, 1 HMAC-SHA256)", signingCrypto, floor));
        var connectionFloor = Measure(connection, nameof(ConnectionCallBenchmarks.Floor));
        var connectionKiota = Measure(connection, nameof(ConnectionCallBenchmarks.PlainKiota));
        var connectionToken = Measure(connection, nameof(ConnectionCallBenchmarks.FleetGenToken));
        var connectionAkSk = Measure(connection, nameof(ConnectionCallBenchmarks.FleetGenAkSk));
        rows.Add(new("connection call: floor", connectionFloor, connectionFloor));
        rows.Add(new("connection call: plain Kiota client", connectionKiota, connectionFloor));
        rows.Add(new("connection call: FleetGen, token", connectionToken, connectionFloor));
        rows.Add(new("connection call: FleetGen, AK/SK", connectionAkSk, connectionFloor));

        // Budgets of the one-engine design: the engine costs no more than the plain Kiota client doing the same work
        // (the answer's kubeconfig checks included on both sides), AK/SK at most one floor call and 1 KB more than a token.
        var plainKiota = Measure(calls, nameof(CallBenchmarks.PlainKiota));
        var plainKiotaChecked = Measure(calls, nameof(CallBenchmarks.PlainKiotaChecked));
        var akskOverhead = aksk.Nanoseconds - token.Nanoseconds;
        var goals = new List<(string Goal, bool Met)>
        {
            ($"FleetGen token call at most the plain Kiota client's mean time with the same kubeconfig checks: {token.Nanoseconds / plainKiotaChecked.Nanoseconds:F2}x (against plain Kiota without the checks: {token.Nanoseconds / plainKiota.Nanoseconds:F2}x)", token.Nanoseconds <= plainKiotaChecked.Nanoseconds),
            ($"FleetGen token call at most the plain Kiota client's allocated bytes with the same kubeconfig checks: {token.Bytes / plainKiotaChecked.Bytes:F2}x (without the checks: {token.Bytes / plainKiota.Bytes:F2}x)", token.Bytes <= plainKiotaChecked.Bytes),
            ($"AK/SK adds at most one floor call of time over token: {akskOverhead / floor.Nanoseconds:F2} floor calls ({akskOverhead / 1000:F2} us; the platform crypto alone is {signingCrypto.Nanoseconds / 1000:F2} us)", akskOverhead <= floor.Nanoseconds),
            ($"AK/SK adds at most 1 KB per call over token: {(aksk.Bytes - token.Bytes) / 1024:F2} KB", aksk.Bytes - token.Bytes <= 1024),
            ($"Connection call (no answer checks): FleetGen token at most the plain Kiota client's mean time: {connectionToken.Nanoseconds / connectionKiota.Nanoseconds:F2}x", connectionToken.Nanoseconds <= connectionKiota.Nanoseconds),
            ($"Connection call: FleetGen token at most the plain Kiota client's allocated bytes: {connectionToken.Bytes / connectionKiota.Bytes:F2}x", connectionToken.Bytes <= connectionKiota.Bytes),
            ($"Connection call: AK/SK adds at most one floor call of time over token: {(connectionAkSk.Nanoseconds - connectionToken.Nanoseconds) / connectionFloor.Nanoseconds:F2} floor calls ({(connectionAkSk.Nanoseconds - connectionToken.Nanoseconds) / 1000:F2} us)", connectionAkSk.Nanoseconds - connectionToken.Nanoseconds <= connectionFloor.Nanoseconds),
            ($"Connection call: AK/SK adds at most 1 KB over token: {(connectionAkSk.Bytes - connectionToken.Bytes) / 1024:F2} KB", connectionAkSk.Bytes - connectionToken.Bytes <= 1024),
        };

        var report = new StringBuilder();
        report.AppendLine("## Per-call overhead (BenchmarkDotNet, in-process canned handler, same run)").AppendLine()
            .AppendLine("| Measurement | Mean | Allocated | Baseline | Time ratio | Bytes ratio |")
            .AppendLine("|---|---:|---:|---|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Value.Nanoseconds / 1000:F2} us | {row.Value.Bytes / 1024:F2} KB | {(row.Value == row.Baseline ? "(baseline)" : "its floor")} | {row.Value.Nanoseconds / row.Baseline.Nanoseconds:F2}x | {row.Value.Bytes / row.Baseline.Bytes:F2}x |");
        }

        report.AppendLine().AppendLine("Goals:").AppendLine();
        foreach (var (goal, met) in goals)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {(met ? "MET" : "NOT MET")}: {goal}");
        }

        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "calls.md"), report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static Measurement Measure(Summary summary, string method)
    {
        var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        return new Measurement(report.ResultStatistics!.Mean, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0);
    }

    private sealed record Measurement(double Nanoseconds, double Bytes);

    private sealed record Row(string Name, Measurement Value, Measurement Baseline);
}
