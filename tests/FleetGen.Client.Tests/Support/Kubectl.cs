using System.Diagnostics;

namespace FleetGen.Client.Tests.Support;

/// <summary>Runs the machine's own kubectl.</summary>
internal static class Kubectl
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    /// <param name="environment">Variables to set (a null value removes one), e.g. PATH and HOME for an exec credential plugin.</param>
    /// <param name="arguments">kubectl's arguments.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
