using System.CommandLine;
using FleetGen.Client.Credentials;

namespace FleetGen.Cli.Commands;

/// <summary>
/// <c>fleetgen credential</c>: kubectl's exec credential plugin for a fleet or a member cluster (written by <c>get-credentials --exec</c>).
/// A cache hit reads one file and sends nothing; stdout carries the ExecCredential and nothing else.
/// </summary>
internal static class CredentialCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new CliConnection(withOutput: false);
        // Ids only, as get-credentials --exec writes them: kubectl's entry stays pinned to the fleet or cluster it was
        // made for, and a cache hit sends nothing.
        var fleet = FederationCommand.FleetOption(required: false, "The id of the fleet whose federation certificate to print.");
        var cluster = ClusterCommand.ClusterOption(required: false, "The id of the member cluster whose certificate to print (renewed through CreateClusterKubeconfig) instead of a fleet's.");
        var duration = GetCredentialsCommand.DurationOption();
        var command = new Command("credential", $"""
            Print an ExecCredential ({Client.Models.Kubeconfig.ExecCredentialApiVersion}) with the client certificate and
            key of a fleet's federation (--fleet) or of a member cluster (--cluster) on stdout: kubectl runs this as the
            exec credential plugin that 'fleetgen get-credentials --exec' writes. The certificate comes from the cache
            in $KUBECACHEDIR/fleetgen (default ~/.kube/cache/fleetgen) while it has more than 10% of its validity and at
            least an hour left; otherwise a new one is downloaded (DownloadFederationKubeconfig, or
            CreateClusterKubeconfig for a cluster) and cached. Concurrent runs renew once.

            Credentials for a renewal come from the environment, as for every command. The ExecCredential is printed
            in the apiVersion kubectl asks for in KUBERNETES_EXEC_INFO (client.authentication.k8s.io/v1 or v1beta1;
            v1 when it is not set). 'fleetgen credential clear' removes cached certificates.

            Exit codes: 0 success, 2 usage error, 3 authentication failure, 4 API error, 5 cache folder or file
            error, 6 UCS could not be reached.
            """)
        {
            fleet, cluster, duration, Clear(console),
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(fleet) is null) == (result.GetResult(cluster) is null))
            {
                result.AddError("Give one of --fleet and --cluster.");
            }

            if (result.GetResult(cluster) is not null && result.GetResult(duration) is { Implicit: false })
            {
                result.AddError("--duration applies to a fleet's federation certificate; a cluster's (--cluster) comes from CreateClusterKubeconfig, which takes none.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                var subject = parse.GetValue(cluster) is { } clusterGiven ? new KubeconfigSubject(IsCluster: true, clusterGiven) : new KubeconfigSubject(IsCluster: false, parse.GetValue(fleet)!);
                var apiVersion = ExecInfo.ApiVersion(console.Environment);
                var cache = new FederationCredentialCache { OnWarning = console.WarningLine };
                var key = KubeconfigSource.CacheKeyOf(subject, subject.Given);
                var credential = cache.TryGetFresh(endpoint, key);
                if (credential is null)
                {
                    using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                    credential = subject.IsCluster
                        ? await cache.GetAsync(endpoint, key, c => KubeconfigSource.FetchClusterAsync(client, new UcsReference(subject.Given, subject.Given, null), c), cancellationToken).ConfigureAwait(false)
                        : await cache.GetAsync(client, subject.Given, parse.GetValue(duration), cancellationToken).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(credential.ToExecCredentialJson(DateTimeOffset.UtcNow, apiVersion)).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)), parse.GetValue(cluster) is { } clusterGiven ? $"cluster {clusterGiven}" : $"fleet {parse.GetValue(fleet)}");
            }
        });
        return command;
    }

    /// <summary><c>fleetgen credential clear</c>: removes cached certificates through the library, which removes only its own cache files and never follows a link.</summary>
    private static Command Clear(CliConsole console)
    {
        var fleet = new Option<string>("--fleet") { Description = "Remove only this fleet's certificate (at --endpoint or --region); default: every certificate fleetgen cached." };
        var cluster = new Option<string>("--cluster") { Description = "Remove only this member cluster's certificate (at --endpoint or --region)." };
        var endpoint = new Option<string>("--endpoint") { Description = "The UCS endpoint URL the certificate was fetched from (with --fleet)." };
        var region = new Option<string>("--region") { Description = "cn (the default) or intl (with --fleet)." };
        CliChoices.AcceptOnly(region, "cn", "intl");
        var command = new Command("clear", """
            Remove cached client certificates from $KUBECACHEDIR/fleetgen (default ~/.kube/cache/fleetgen): one fleet's
            with --fleet, one member cluster's with --cluster (both by id), else all of them. Only fleetgen's cache files are removed; links, lock files and anything else
            are left alone. kubectl's next call renews the certificate.

            Examples:
              fleetgen credential clear --fleet 4f1c...
              fleetgen credential clear
            """) { fleet, cluster, endpoint, region };
        command.Validators.Add(result =>
        {
            if (result.GetResult(fleet) is not null && result.GetResult(cluster) is not null)
            {
                result.AddError("Give --fleet or --cluster, not both.");
            }

            if (result.GetResult(fleet) is null && result.GetResult(cluster) is null && (result.GetResult(endpoint) is not null || result.GetResult(region) is not null))
            {
                result.AddError("--endpoint and --region choose the certificate of one --fleet or --cluster; without them every certificate is removed.");
            }

            if (result.GetResult(endpoint) is not null && result.GetResult(region) is not null)
            {
                result.AddError("--endpoint and --region cannot be used together.");
            }
        });
        command.SetAction(parse =>
        {
            try
            {
                var cache = new FederationCredentialCache();
                if ((parse.GetValue(cluster) is { } clusterId ? new KubeconfigSubject(IsCluster: true, clusterId) : parse.GetValue(fleet) is { } fleetId ? new KubeconfigSubject(IsCluster: false, fleetId) : null) is { } subject)
                {
                    var at = CliConnection.EndpointOf(parse.GetValue(endpoint), parse.GetValue(region));
                    var file = cache.Remove(at, KubeconfigSource.CacheKeyOf(subject, subject.Given));
                    console.Out.WriteLine(FleetGen.Client.SafeText.OneLine(file is null
                        ? $"No cached certificate for {(subject.IsCluster ? "cluster" : "fleet")} {subject.Given} at {at} in {cache.Directory}."
                        : $"Removed {file}"));
                    return ExitCodes.Success;
                }

                var removed = cache.Clear();
                foreach (var file in removed)
                {
                    console.Out.WriteLine(FleetGen.Client.SafeText.OneLine($"Removed {file}"));
                }

                console.Out.WriteLine(FleetGen.Client.SafeText.OneLine($"{removed.Count} cached certificate{(removed.Count == 1 ? string.Empty : "s")} removed from {cache.Directory}."));
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, CancellationToken.None, subject: parse.GetValue(cluster) is { } clusterGiven ? $"cluster {clusterGiven}" : parse.GetValue(fleet) is { } id ? $"fleet {id}" : null);
            }
        });
        return command;
    }
}
