using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>
/// A federation job's progress on stderr: a live bar of sub-jobs redrawn in place on a terminal, one line per change
/// otherwise (so logs and pipes get readable lines).
/// </summary>
internal sealed class JobProgressWriter(CliConsole console) : IProgress<FederationProgress>
{
    private const int BarWidth = 20;
    private int drawnLength;

    public void Report(FederationProgress value)
    {
        if (!console.ErrorIsTerminal)
        {
            console.Error.WriteLine($"fleetgen: {SafeText.OneLine(value.ToString())}");
            return;
        }

        var filled = value.SubJobsTotal == 0 ? (value.Phase == FederationJobPhase.Success ? BarWidth : 0) : BarWidth * value.SubJobsDone / value.SubJobsTotal;
        var line = SafeText.OneLine($"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value}");
        console.Error.Write("\r" + line.PadRight(drawnLength));
        drawnLength = line.Length;
    }

    /// <summary>Ends the live line, so that what follows starts on its own line.</summary>
    public void Finish()
    {
        if (console.ErrorIsTerminal && drawnLength > 0)
        {
            console.Error.WriteLine();
            drawnLength = 0;
        }
    }
}
