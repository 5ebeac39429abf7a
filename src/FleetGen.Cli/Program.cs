using System.CommandLine;
using System.CommandLine.Help;
using FleetGen.Cli;
using FleetGen.Cli.Commands;

var console = CliConsole.System;
var root = new RootCommand("fleetgen: federation credentials for Huawei Cloud UCS fleets.")
{
    GetCredentialsCommand.Create(console),
    DemoCommand.Create(console),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
{
    foreach (var error in parse.Errors)
    {
        console.ErrorLine(error.Message);
    }

    var command = parse.CommandResult.Command == root ? "fleetgen" : $"fleetgen {parse.CommandResult.Command.Name}";
    console.Error.WriteLine($"Run '{command} --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
