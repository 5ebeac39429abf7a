using System.CommandLine;

namespace FleetGen.Cli;

/// <summary>
/// An option that takes one of a few words, with an error that names the flag and the words on one line (the parser's
/// own message puts each word on a line of its own, which a one-line error shows as a literal "\n\t").
/// </summary>
internal static class CliChoices
{
    public static void AcceptOnly(Option<string> option, params string[] values)
    {
        option.HelpName = string.Join('|', values);
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token, ..] && !values.Contains(token.Value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: \"{token.Value}\" is not one of {string.Join(", ", values)}.");
            }
        });
    }
}
