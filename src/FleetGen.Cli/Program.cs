using System.CommandLine;
using System.CommandLine.Help;
using FleetGen.Cli;
using FleetGen.Cli.Commands;

var console = CliConsole.System;
var root = new RootCommand("fleetgen: federation of Huawei Cloud UCS fleets: enable it, follow its jobs, connect, and put its credentials into your kubeconfig.")
{
    GetCredentialsCommand.Create(console),
    CredentialCommand.Create(console),
    FleetCommand.Create(console),
    FederationCommand.Create(console),
};

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
