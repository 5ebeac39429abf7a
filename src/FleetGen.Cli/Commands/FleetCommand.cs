using System.CommandLine;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen fleet show</c>: a fleet's federation condition, version, expiry and connection endpoints.</summary>
internal static class FleetCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption();
        var show = new Command("show", """
            Show a fleet's federation: its condition (Creating, Available, Connected, ...), version, expiry and the VPC
            endpoints of its federation connection.

            Example:
              fleetgen fleet show --fleet 4f1c...
            """)
        {
            fleet,
        };
        connection.AddTo(show);
        show.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                var fleetId = parse.GetValue(fleet)!;
                FederationWriter.Fleet(fleetId, await client.Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false), connection.Json(parse), console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });

        return new Command("fleet", "Fleets (cluster groups).") { show };
    }
}
