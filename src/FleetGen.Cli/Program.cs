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
    ["federation"] = FederationCommand.Create,
};

// Start-up is most of a short command's time (kubectl runs `credential` before each of its own commands): only the
// command named is built; the others are built when none is named, for help and for errors.
var root = new RootCommand("fleetgen: federation of Huawei Cloud UCS fleets: enable it, follow its jobs, connect, and put its credentials into your kubeconfig.");
foreach (var create in args is [var name, ..] && commands.TryGetValue(name, out var named) ? [named] : commands.Values.ToList())
{
    root.Subcommands.Add(create(console));
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
{
    foreach (var error in parse.Errors)
    {
        console.ErrorLine(error.Message);
    }

    var command = string.Join(' ', new[] { "fleetgen" }.Concat(parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1).Select(c => c.Name)).Concat(parse.CommandResult.Command == root ? [] : [parse.CommandResult.Command.Name]));
    console.Error.WriteLine($"Run '{command} --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
