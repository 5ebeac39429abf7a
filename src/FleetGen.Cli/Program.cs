using System.CommandLine;
using System.CommandLine.Help;
using FleetGen.Cli;
using FleetGen.Cli.Commands;

var console = CliConsole.System;
var commands = new Dictionary<string, Func<CliConsole, Command>>(StringComparer.Ordinal)
{
    ["get-credentials"] = GetCredentialsCommand.Create,
    ["credential"] = CredentialCommand.Create,
    ["fleet"] = FleetCommand.Create,
    ["cluster"] = ClusterCommand.Create,
    ["federation"] = FederationCommand.Create,
};

// Start-up is most of a short command's time (kubectl runs `credential` before each of its own commands): only the
// command named is built; the others are built when none is named, for help and for errors.
var root = new RootCommand("fleetgen: Huawei Cloud UCS fleets and their clusters: list and manage them, enable and follow their federation, and put fleet or cluster credentials into your kubeconfig.");
foreach (var create in args is [var name, ..] && commands.TryGetValue(name, out var named) ? [named] : commands.Values.ToList())
{
    root.Subcommands.Add(create(console));
}

// A token that starts with '@' is an argument like any other, never a response file to read (a fleet id such as
// "@/home/me/.token" would splice that file's lines in as arguments, and get-credentials --exec would write it into
// the kubeconfig for every later kubectl call to read again).
var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
{
    foreach (var error in parse.Errors)
    {
        console.ErrorLine(error.Message);
    }

    console.Error.WriteLine($"Run '{UsagePointer.CommandLine(parse.CommandResult)} --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
