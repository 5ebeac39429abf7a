namespace FleetGen.Cli;

/// <summary>A failure with the exit code it ends the command with and a message for stderr.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
