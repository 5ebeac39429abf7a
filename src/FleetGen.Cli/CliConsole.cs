namespace FleetGen.Cli;

/// <summary>Where fleetgen writes and what it reads from its environment.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, Func<string, string?> Environment)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected, global::System.Environment.GetEnvironmentVariable);

    public void ErrorLine(string message) => Error.WriteLine($"fleetgen: error: {message}");
}
