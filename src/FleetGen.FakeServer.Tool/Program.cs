using System.CommandLine;
using System.CommandLine.Help;
using FleetGen.FakeServer.Tool;

const int DefaultPort = 5780;

var port = new Option<int>("--port")
{
    Description = "The port on 127.0.0.1 to listen on; 0 picks a free one.",
    HelpName = "port",
    DefaultValueFactory = _ => DefaultPort,
};
port.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 0 or > 65535)
    {
        result.AddError("--port must be from 0 to 65535.");
    }
});
var fleet = new Option<string[]>("--fleet") { Description = "A fleet with federation (Available, no connection yet); repeatable.", HelpName = "id" };
var fleetWithoutFederation = new Option<string[]>("--fleet-without-federation") { Description = "A fleet without federation; repeatable.", HelpName = "id" };
var seed = new Option<string>("--seed")
{
    Description = """Fleets from a JSON file: {"fleets": [{"id": "a"}, {"id": "b", "federation": false}]}.""",
    HelpName = "file",
};
var output = new Option<string>("--output")
{
    Description = "What is printed once listening: text lines, or one JSON object on one line.",
    DefaultValueFactory = _ => "text",
}.AcceptOnlyFromAmong("text", "json");

var root = new RootCommand(
    $"""
    fleetgen-fake: a fake Huawei Cloud UCS federation API on 127.0.0.1, until Ctrl+C or SIGTERM.
    Fleets: those named by --fleet, --fleet-without-federation and --seed, else {FleetGen.Testing.FakeUcsServerOptions.DefaultFleet}.
    Admin API on the same port (no UCS authentication): GET /_fake/state, GET|POST /_fake/fleets, GET|POST /_fake/faults, GET /_fake/requests.
    """)
{
    port, fleet, fleetWithoutFederation, seed, output,
};

// A token starting with '@' is an argument (a fleet id), never a response file to read.
var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parse.Action is HelpAction || parse.Errors.Count > 0)
{
    if (parse.Action is not HelpAction)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"fleetgen-fake: error: {error.Message}");
        }

        Console.Error.WriteLine("Run 'fleetgen-fake --help' for usage.");
        return ExitCodes.Usage;
    }

    return await parse.InvokeAsync();
}

IReadOnlyList<SeedFleet> fleets;
try
{
    fleets = FleetSeeds.Resolve(parse.GetValue(fleet) ?? [], parse.GetValue(fleetWithoutFederation) ?? [], parse.GetValue(seed));
}
catch (UsageException e)
{
    Console.Error.WriteLine($"fleetgen-fake: error: {e.Message}");
    return ExitCodes.Usage;
}

return await FakeHost.RunAsync(parse.GetValue(port), fleets, parse.GetValue(output) == "json", Console.Out, Console.Error);
