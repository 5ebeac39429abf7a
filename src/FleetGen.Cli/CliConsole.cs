namespace FleetGen.Cli;

/// <summary>Where fleetgen writes and what it reads from its environment.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, Func<string, string?> Environment, TextReader In, bool InputIsTerminal)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected, global::System.Environment.GetEnvironmentVariable, Console.In, !Console.IsInputRedirected);

    /// <summary>One line on stderr, whatever the message holds: text from a server, a file or a flag cannot start another line or move the cursor.</summary>
    public void ErrorLine(string message) => Error.WriteLine($"fleetgen: error: {FleetGen.Client.SafeText.OneLine(message)}");

    /// <summary>A warning: one line on stderr, made safe as <see cref="ErrorLine"/>.</summary>
    public void WarningLine(string message) => Error.WriteLine($"fleetgen: warning: {FleetGen.Client.SafeText.OneLine(message)}");
}
