using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>
/// The arguments get-credentials --exec writes for kubectl to start <c>fleetgen credential</c> with. Each value is
/// written joined to its flag (<c>--fleet=&lt;id&gt;</c>), so that it parses back as itself whatever it starts with
/// ('-' or '@'); a value with a line break or another control character is refused before anything is sent, since a
/// kubeconfig line break is where one argument would turn into others.
/// </summary>
internal static class ExecPluginArguments
{
    public static IReadOnlyList<string> Of(IEnumerable<(string Flag, string? Value)> options)
    {
        var arguments = new List<string> { "credential" };
        foreach (var (flag, value) in options)
        {
            if (value is null)
            {
                arguments.Add(flag);
                continue;
            }

            if (value.Any(char.IsControl))
            {
                throw new CliException(ExitCodes.Usage, $"{flag}: \"{SafeText.OneLine(value)}\" has a line break or another control character, which the exec credential plugin's arguments cannot carry (--exec). Nothing was sent.");
            }

            arguments.Add($"{flag}={value}");
        }

        return arguments;
    }
}
