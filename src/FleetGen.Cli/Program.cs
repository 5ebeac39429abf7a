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

    console.Error.WriteLine($"Run 'fleetgen {parse.CommandResult.Command.Name} --help' for usage.".Replace("fleetgen fleetgen", "fleetgen", StringComparison.Ordinal));
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
