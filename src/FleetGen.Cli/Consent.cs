using System.CommandLine;
using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>
/// What a destructive command (federation disable, fleet delete, fleet remove-cluster) needs before it sends anything:
/// --yes, or a "y" typed on a terminal. Without a terminal and without --yes it is refused before the first request.
/// </summary>
internal sealed class Consent(CliConsole console, string command, string effect)
{
    public Option<bool> Yes { get; } = new("--yes") { Description = "Do not ask for confirmation (needed without a terminal)." };

    /// <summary>Refuses, before anything is sent, when there is neither --yes nor a terminal to ask on.</summary>
    public void CheckCanAsk(ParseResult parse)
    {
        if (!parse.GetValue(Yes) && (!console.InputIsTerminal || !console.ErrorIsTerminal))
        {
            throw new CliException(ExitCodes.Usage, $"{command} {effect}: pass --yes to confirm when there is no terminal to ask on. Nothing was sent.");
        }
    }

    /// <summary>Asks <paramref name="question"/> on the terminal unless --yes was given; anything but y or yes cancels.</summary>
    public async Task AskAsync(ParseResult parse, string question)
    {
        CheckCanAsk(parse);
        if (parse.GetValue(Yes))
        {
            return;
        }

        await console.Error.WriteAsync(SafeText.OneLine($"{question} [y/N] ")).ConfigureAwait(false);
        var answer = (await console.In.ReadLineAsync().ConfigureAwait(false))?.Trim();
        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Cancelled, "not confirmed; nothing was sent.");
        }
    }
}
