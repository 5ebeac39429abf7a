using System.CommandLine;
using FleetGen.Client.Credentials;

namespace FleetGen.Cli.Commands;

/// <summary>
/// <c>fleetgen credential</c>: kubectl's exec credential plugin for a fleet (written by <c>get-credentials --exec</c>).
/// A cache hit reads one file and sends nothing; stdout carries the ExecCredential and nothing else.
/// </summary>
internal static class CredentialCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new CliConnection(withOutput: false);
        var fleet = FederationCommand.FleetOption();
        var duration = GetCredentialsCommand.DurationOption();
        var command = new Command("credential", $"""
            Print an ExecCredential ({Client.Models.Kubeconfig.ExecCredentialApiVersion}) with the fleet's client
            certificate and key on stdout: kubectl runs this as the exec credential plugin that
            'fleetgen get-credentials --exec' writes. The certificate comes from the cache in $KUBECACHEDIR/fleetgen
            (default ~/.kube/cache/fleetgen) while it has more than 10% of its validity and at least an hour left;
            otherwise a new one is downloaded (DownloadFederationKubeconfig) and cached. Concurrent runs renew once.

            Credentials for a renewal come from the environment, as for every command.

            Exit codes: 0 success, 2 usage error, 3 authentication failure, 4 API error, 5 cache folder or file
            error, 6 UCS could not be reached.
            """)
        {
            fleet, duration,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                var fleetId = parse.GetValue(fleet)!;
                var cache = new FederationCredentialCache { OnWarning = console.WarningLine };
                var credential = cache.TryGetFresh(endpoint, fleetId);
                if (credential is null)
                {
                    using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                    credential = await cache.GetAsync(client, fleetId, parse.GetValue(duration), cancellationToken).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(credential.ToExecCredentialJson(DateTimeOffset.UtcNow)).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint);
            }
        });
        return command;
    }
}
