using System.CommandLine;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen get-credentials</c>: the federation kubeconfig of a fleet, or a member cluster's kubeconfig, into a kubeconfig file.</summary>
internal static class GetCredentialsCommand
{
    private const int DefaultDuration = 30;

    /// <summary>The contract's bounds of the certificate's validity, as the library checks them.</summary>
    private static (decimal Min, decimal Max)? Bounds =>
        ContractOperations.DownloadFederationKubeconfig.Body?.Resolved().Properties?["duration"].Resolved() is { Minimum: { } min, Maximum: { } max }
            ? ((decimal)min, (decimal)max)
            : null;

    private static string DurationBounds => Bounds is var (min, max) ? FormattableString.Invariant($"{min} to {max}") : "as the contract allows";

    /// <summary>--duration, shared with the credential command the exec plugin runs; a value out of the contract's bounds fails before anything is sent.</summary>
    public static Option<int> DurationOption()
    {
        var duration = new Option<int>("--duration")
        {
            Description = $"Validity of the client certificate in days, {DurationBounds}.",
            DefaultValueFactory = _ => DefaultDuration,
        };
        duration.Validators.Add(result =>
        {
            if (Bounds is var (min, max) && result.GetValueOrDefault<int>() is var days && (days < min || days > max))
            {
                result.AddError(FormattableString.Invariant($"--duration: {days} days is out of range; the certificate's validity is {min} to {max} days."));
            }
        });
        return duration;
    }

    public static Command Create(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption(required: false, "The fleet whose federation kubeconfig to get: its id, or its name (looked up in the fleet list).");
        var cluster = ClusterCommand.ClusterOption(required: false, "A member cluster whose own kubeconfig to get (CreateClusterKubeconfig) instead of a federation's: its id, or its name (looked up in the cluster list).");
        var projectId = new Option<string>("--project-id") { Description = "The project of the VPC endpoint; needed only when the fleet has no federation connection yet." };
        var vpcId = new Option<string>("--vpc-id") { Description = "The VPC of the endpoint (it must belong to the project); needed only when the fleet has no connection yet." };
        var subnetId = new Option<string>("--subnet-id") { Description = "The subnet of the endpoint (it must belong to the VPC); needed only when the fleet has no connection yet." };
        var duration = DurationOption();
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "The kubeconfig to merge into. Default: the first entry of KUBECONFIG, else ~/.kube/config." };
        var file = new Option<string>("--file") { Description = "Write a standalone kubeconfig to this file instead of merging." };
        var stdout = new Option<bool>("--stdout") { Description = "Print a standalone kubeconfig on stdout instead of merging." };
        var context = new Option<string>("--context") { Description = "A name for the new context, cluster and user (default: ucs-<fleet>)." };
        var keepCurrent = new Option<bool>("--keep-current") { Description = "Keep the kubeconfig's current context; by default the new context becomes current, as az, aws and gcloud do." };
        var setCurrent = new Option<bool>("--set-current") { Description = "The default now: the new context becomes current (kept so scripts written for it still run).", Hidden = true };
        var overwrite = new Option<bool>("--overwrite-existing")
        {
            Description = "Replace entries of the same name even when another context uses them or the context points elsewhere; with --file, replace any kubeconfig.",
        };

        var exec = new Option<bool>("--exec")
        {
            Description = "Write an exec credential plugin (fleetgen credential) instead of the client certificate: kubectl then gets a certificate that renews itself. The entry runs 'fleetgen' when that is this fleetgen on PATH, else this fleetgen by its full path.",
        };
        var execCommand = new Option<string>("--exec-command") { Description = "With --exec: the command the exec entry runs (a name on kubectl's PATH or an absolute path) instead of the one fleetgen finds." };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Show what would change (entries added or replaced, the current context before and after) and which call would be made; nothing is created or written.",
        };

        var command = new Command("get-credentials", """
            Put a fleet's federation kubeconfig (--fleet) or a member cluster's kubeconfig (--cluster) into your
            kubeconfig. When the fleet has a federation connection, its kubeconfig is downloaded; when it has none, the
            VPC endpoint is created (give --project-id, --vpc-id and --subnet-id). Running it again never creates a
            second endpoint. Refused unless federation is Available or Connected. A cluster's kubeconfig comes from
            CreateClusterKubeconfig, reduced to its current context. The new context (ucs-<fleet id> or
            ucs-cluster-<cluster id>) becomes the current context (as az, aws and gcloud do) unless --keep-current.

            Credentials come from the environment, never from the command line: UCS_AUTH_TOKEN (or --token-file), or
            HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN and HUAWEICLOUD_SDK_DOMAIN_ID).

            With --exec the user entry runs 'fleetgen credential' (an exec credential plugin, as 'aws eks get-token'
            does): the certificate is cached in ~/.kube/cache/fleetgen and renewed before it expires. With --dry-run
            the fleet is read and the merge planned; nothing is created or written.

            Examples:
              fleetgen get-credentials --fleet 4f1c... --project-id 08d4... --vpc-id 11c9... --subnet-id 0de9...
              fleetgen get-credentials --fleet 4f1c... --exec --dry-run
              fleetgen get-credentials --fleet 4f1c... --region intl --context fed-prod --keep-current
              fleetgen get-credentials --fleet 4f1c... --file ./fed.kubeconfig --output json
              fleetgen get-credentials --cluster prod-eu --exec

            Everything local (the target file, its lock, entry names that would replace another context's) is checked
            before the first request.

            Exit codes: 0 success, 1 unexpected error (a bug), 2 usage or validation error (nothing sent),
            3 authentication or authorization failure, 4 other API error, unusable answer or federation not ready,
            5 local file error (nothing changed), 6 UCS could not be reached (DNS, refused, TLS, --timeout), 130 cancelled.
            """)
        {
            fleet, cluster, projectId, vpcId, subnetId, duration, kubeconfig, file, stdout, context, keepCurrent, setCurrent, overwrite, exec, execCommand, dryRun,
        };
        connection.AddTo(command);

        command.Validators.Add(result =>
        {
            if ((result.GetResult(fleet) is null) == (result.GetResult(cluster) is null))
            {
                result.AddError("Give one of --fleet (the federation's kubeconfig) and --cluster (a member cluster's).");
            }

            foreach (var option in new[] { projectId, vpcId, subnetId })
            {
                if (result.GetValue(option) is { } value && string.IsNullOrWhiteSpace(value))
                {
                    result.AddError($"{option.Name}: must not be blank.");
                }
            }

            if (result.GetResult(cluster) is not null)
            {
                foreach (var option in new Option[] { projectId, vpcId, subnetId, duration })
                {
                    if (result.GetResult(option) is { Implicit: false })
                    {
                        result.AddError($"{option.Name} applies to a fleet's federation kubeconfig; a cluster's (--cluster) comes from CreateClusterKubeconfig, which takes none.");
                    }
                }
            }

            var targets = (result.GetResult(file) is null ? 0 : 1) + (result.GetValue(stdout) ? 1 : 0) + (result.GetResult(kubeconfig) is null ? 0 : 1);
            if (targets > 1)
            {
                result.AddError("Choose one of --kubeconfig (merge), --file and --stdout.");
            }

            if (result.GetValue(context) is { } name && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--context: must not be blank.");
            }

            var vpcFlags = new[] { result.GetResult(projectId), result.GetResult(vpcId), result.GetResult(subnetId) }.Count(r => r is not null);
            if (vpcFlags is > 0 and < 3)
            {
                result.AddError("--project-id, --vpc-id and --subnet-id go together: give all three or none.");
            }

            if (result.GetValue(stdout) && result.GetValue(connection.Output) == "json")
            {
                result.AddError("--stdout prints the kubeconfig itself; it cannot be combined with --output json.");
            }

            if (result.GetValue(keepCurrent) && result.GetValue(setCurrent))
            {
                result.AddError("--keep-current and --set-current contradict each other (the new context becomes current unless --keep-current).");
            }

            if (result.GetResult(execCommand) is not null && !result.GetValue(exec))
            {
                result.AddError("--exec-command names the command of the exec entry: it needs --exec.");
            }

            if (result.GetValue(execCommand) is { } named && (string.IsNullOrWhiteSpace(named) || named.Any(char.IsControl)))
            {
                result.AddError("--exec-command: must not be blank or hold a control character.");
            }

            if (result.GetValue(stdout) && result.GetValue(dryRun))
            {
                result.AddError("--dry-run previews a merge or a --file write; --stdout writes nothing to preview.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                var subject = parse.GetValue(cluster) is { } clusterGiven ? new KubeconfigSubject(IsCluster: true, clusterGiven) : new KubeconfigSubject(IsCluster: false, parse.GetValue(fleet)!);
                (string Flag, string? Value)[]? execOptions = parse.GetValue(exec) ? [.. connection.PluginArguments(parse, endpoint), .. DurationArgument(parse.GetResult(duration))] : null;
                if (execOptions is not null)
                {
                    // Checked before anything is sent; the entry names the resolved id.
                    ExecPluginArguments.Of([(subject.Flag, subject.Given), .. execOptions]);
                }

                var request = new CredentialsRequest(
                    subject,
                    parse.GetValue(projectId),
                    parse.GetValue(vpcId),
                    parse.GetValue(subnetId),
                    parse.GetValue(duration),
                    endpoint,
                    parse.GetValue(connection.AllowHttp),
                    connection.CallTimeout(parse),
                    parse.GetValue(stdout) ? OutputTarget.Stdout : parse.GetValue(file) is not null ? OutputTarget.File : OutputTarget.Merge,
                    parse.GetValue(file) ?? parse.GetValue(kubeconfig),
                    parse.GetValue(context),
                    !parse.GetValue(keepCurrent),
                    parse.GetValue(overwrite),
                    connection.Json(parse),
                    execOptions,
                    parse.GetValue(dryRun),
                    parse.GetValue(exec) ? ExecCommand.Resolve(parse.GetValue(execCommand), console.Environment, Environment.ProcessPath, AppContext.BaseDirectory) : null,
                    parse.GetValue(connection.Verbose));
                var credentials = await CredentialsResolver.ResolveAsync(parse.GetValue(connection.Auth), parse.GetValue(connection.TokenFile), console.Environment, cancellationToken).ConfigureAwait(false);
                var result = await CredentialsFetcher.RunAsync(request, credentials, console, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    SummaryWriter.Write(result, request.Json, console);
                }

                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });
        return command;
    }

    private static (string Flag, string? Value)[] DurationArgument(System.CommandLine.Parsing.OptionResult? given) =>
        given is { Implicit: false } && given.GetValueOrDefault<int>() is var days
            ? [("--duration", days.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}
