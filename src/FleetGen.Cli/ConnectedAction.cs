using System.CommandLine;
using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>
/// The action of a command that calls UCS: the connection options added, the endpoint and <paramref name="check"/>
/// run before anything is sent, then a client for the work, and every failure reported as one line and its exit code.
/// </summary>
internal static class ConnectedAction
{
    /// <param name="fleet">The command's --fleet, repeated in the hints of its errors.</param>
    /// <param name="check">Checks that need no call (e.g. that a destructive command can ask for consent).</param>
    public static void Set(Command command, CliConnection connection, CliConsole console, Option<string>? fleet, Func<ParseResult, FleetClient, CancellationToken, Task> work, Action<ParseResult>? check = null)
    {
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                check?.Invoke(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                await work(parse, client, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, fleet is null ? null : parse.GetValue(fleet)));
            }
        });
    }
}
