using System.Diagnostics;
using System.Text;

namespace FleetGen.Client.Tests.Support;

/// <summary>Runs the dotnet CLI (or another program) as a child process, with output captured and a hard time limit.</summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output, string StandardOutput = "", string StandardError = "")
    {
        public Result EnsureSuccess(string what) =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}");
    }

    public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, environment, started: null, arguments);

    /// <summary>As above; <paramref name="started"/> gets the process once it runs (e.g. to signal it).</summary>
    public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, Func<Process, Task>? started, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, timeout, environment, started, arguments);

    /// <summary>Runs <paramref name="program"/> (an executable, e.g. the installed fleetgen) the same way.</summary>
    public static async Task<Result> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, Func<Process, Task>? started, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not inherit the test host's MSBuild/test settings, nor reuse build servers after it ends.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["DOTNET_NOLOGO"] = "true";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        // Builds, generators and the CLI live seconds: profile-guided JIT instrumentation costs them more than it returns.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); standardOutput.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); standardError.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (started is not null)
        {
            await started(process);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), standardOutput.ToString(), standardError.ToString());
        }
    }
}
