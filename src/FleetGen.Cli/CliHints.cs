using System.Text;

namespace FleetGen.Cli;

/// <summary>
/// The command lines hints and summaries suggest: the fleet and the connection flags the user gave, written so that
/// a shell reads each value back as itself. Copied, a hint goes to the same UCS the same way.
/// </summary>
internal sealed record CliHints(string? FleetId, IReadOnlyList<(string Flag, string? Value)> ConnectionFlags)
{
    public static CliHints None { get; } = new(null, []);

    /// <summary><c>fleetgen &lt;command&gt; --fleet &lt;id&gt;</c> with the connection flags, and <paramref name="more"/> after them.</summary>
    public string Command(string command, string? fleetId = null, string more = "")
    {
        var line = new StringBuilder("fleetgen ").Append(command);
        var fleet = fleetId ?? FleetId;
        line.Append(" --fleet ").Append(fleet is null ? "<id>" : Quote(fleet));
        foreach (var (flag, value) in ConnectionFlags)
        {
            line.Append(' ').Append(flag);
            if (value is not null)
            {
                line.Append(' ').Append(Quote(value));
            }
        }

        return more.Length == 0 ? line.ToString() : line.Append(' ').Append(more).ToString();
    }

    /// <summary>A POSIX shell word: as it is when it holds only safe characters, else in single quotes.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./_-".Contains(c, StringComparison.Ordinal)) && value[0] != '-'
            ? value
            : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
