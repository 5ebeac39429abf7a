using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetGen.Cli;

/// <summary>Durations on the command line: a whole number and a unit, <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1h</c>.</summary>
internal static partial class CliDuration
{
    /// <param name="maximum">The longest value accepted, named in the help and in the error (the library option's maximum).</param>
    /// <remarks>
    /// The default is not the option's own: the parser's help would show it as a TimeSpan ([default: 00:00:30]), which
    /// the option does not accept. The help shows it as written, and <see cref="ValueOf"/> applies it.
    /// </remarks>
    public static Option<TimeSpan> Option(string name, string description, TimeSpan defaultValue, TimeSpan maximum) => new(name)
    {
        Description = $"{description} Written 90s, 5m or 1h; at most {Format(maximum)}. [default: {Format(defaultValue)}]",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            switch (Parse(text))
            {
                case { } duration when duration <= maximum:
                    return duration;
                case not null:
                    result.AddError($"{name}: \"{text}\" is too long: {name} is at most {Format(maximum)}.");
                    return default;
                default:
                    result.AddError($"{name}: \"{text}\" is not a duration such as 90s, 5m or 1h (a positive whole number and ms, s, m or h).");
                    return default;
            }
        },
    };

    /// <summary>The duration given, else <paramref name="defaultValue"/>.</summary>
    public static TimeSpan ValueOf(ParseResult parse, Option<TimeSpan> option, TimeSpan defaultValue) =>
        parse.GetResult(option) is null ? defaultValue : parse.GetValue(option);

    public static TimeSpan? Parse(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 100_000_000)
        {
            return null;
        }

        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromHours(value),
        };
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 ? $"{duration.TotalHours:0}h"
        : duration.TotalMinutes >= 1 && duration.TotalMinutes % 1 == 0 ? $"{duration.TotalMinutes:0}m"
        : duration.TotalSeconds % 1 == 0 ? $"{duration.TotalSeconds:0}s"
        : $"{duration.TotalMilliseconds:0}ms";

    [GeneratedRegex("^(?<value>[0-9]{1,9})(?<unit>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
