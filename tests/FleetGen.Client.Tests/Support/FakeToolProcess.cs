using System.Diagnostics;
using System.Globalization;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// fleetgen-fake as built (<c>dotnet fleetgen-fake.dll</c>), running: what it printed until its last start-up line, its
/// standard error, and the means to signal it. Disposing kills it if it still runs.
/// </summary>
internal sealed class FakeToolProcess : IDisposable
{
    public static readonly string Dll = Path.Combine(Repo.Root, "src", "FleetGen.FakeServer.Tool", "bin", Repo.Configuration, "net10.0", "fleetgen-fake.dll");

    private readonly Process process;
    private readonly Task<string> standardError;

    private FakeToolProcess(Process process, IReadOnlyList<string> printed)
    {
        this.process = process;
        Printed = printed;
        standardError = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Standard output up to the line that says it is ready (text) or the JSON line (<c>--output json</c>).</summary>
    public IReadOnlyList<string> Printed { get; }

    /// <summary>Starts the tool and waits for its start-up output; <paramref name="lastLine"/> recognises its last line.</summary>
    public static async Task<FakeToolProcess> StartAsync(Func<string, bool> lastLine, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var printed = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
            {
                printed.Add(line);
                if (lastLine(line))
                {
                    return new FakeToolProcess(process, printed);
                }
            }

            throw new InvalidOperationException($"fleetgen-fake ended before it was ready:\n{string.Join('\n', printed)}\n{await process.StandardError.ReadToEndAsync()}");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, INT) and returns the exit code and standard error.</summary>
    public async Task<(int ExitCode, string StandardError)> SignalAsync(string signal)
    {
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await standardError);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
