using System.CommandLine;
using System.CommandLine.Parsing;

namespace FleetGen.Cli;

/// <summary>The command a usage error points to, as the user types it: <c>fleetgen fleet show</c>.</summary>
internal static class UsagePointer
{
    public static string CommandLine(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: not RootCommand } named)
            {
                names.Add(named.Command.Name);
            }
        }

        names.Add("fleetgen");
        names.Reverse();
        return string.Join(' ', names);
    }
}
