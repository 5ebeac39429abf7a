using System.CommandLine;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen federation ...</c>: enable, follow, connect, upgrade, roll back and disable a fleet's federation.</summary>
internal static class FederationCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    private const string ExitCodesHelp = """
        Exit codes: 0 success, 2 usage or validation error (nothing sent), 3 authentication or authorization failure,
        4 other API error, 6 UCS could not be reached, 7 the job failed, 8 the wait timed out (the job goes on),
        130 cancelled.
        """;

    public static Option<string> FleetOption(bool required = true, string description = "The fleet (cluster group): its id, or its name (looked up in the fleet list).") =>
        UcsReferences.Option("--fleet", description, required);

    public static Command Create(CliConsole console) => new("federation", "A fleet's federation: enable it, follow its jobs, connect to it, upgrade, roll back or disable it.")
    {
        Enable(console),
        Status(console),
        Wait(console),
        Upgrade(console),
        Rollback(console),
        Disable(console),
        Connect(console),
        Versions(console),
    };

    private static Command Enable(CliConsole console)
    {
        var retryJoinAll = new Option<bool>("--retry-join-all") { Description = "Retry joining every member cluster to the federation." };
        return JobCommand(console, "enable", $"""
            Enable federation for a fleet: start its CreateFederation job, and with --wait follow it to the end.

            Examples:
              fleetgen federation enable --fleet 4f1c...
              fleetgen federation enable --fleet 4f1c... --wait --timeout 20m

            {ExitCodesHelp}
            """, [retryJoinAll], FederationJobType.CreateFederation,
            (client, fleetId, parse, cancellationToken) => client.StartEnableFederationAsync(fleetId, parse.GetValue(retryJoinAll) ? true : null, cancellationToken));
    }

    private static Command Upgrade(CliConsole console)
    {
        var version = new Option<string>("--version") { Description = "The federation version to upgrade to, one that 'fleetgen federation versions --fleet' offers (default: the latest)." };
        version.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } given && (string.IsNullOrWhiteSpace(given) || given.Any(char.IsControl)))
            {
                result.AddError("--version: must not be blank or hold a control character.");
            }
        });
        return JobCommand(console, "upgrade", $"""
            Upgrade a fleet's federation, to --version or to the latest version. --version is checked first against
            the versions UCS offers for the fleet's current version (ListServerConfigs): one it does not offer exits 2
            and no upgrade is sent.

            Example:
              fleetgen federation upgrade --fleet 4f1c... --version v1.4.0 --wait

            {ExitCodesHelp}
            """, [version], FederationJobType.UpgradeFederation,
            (client, fleetId, parse, cancellationToken) => client.StartUpgradeFederationAsync(fleetId, parse.GetValue(version), cancellationToken),
            check: (client, fleetId, parse, cancellationToken) => parse.GetValue(version) is { } target ? FederationVersions.CheckTargetAsync(client, fleetId, target, cancellationToken) : Task.CompletedTask);
    }

    private static Command Rollback(CliConsole console) => JobCommand(console, "rollback", $"""
        Roll a fleet's federation back to the version before its last upgrade.

        Example:
          fleetgen federation rollback --fleet 4f1c... --wait

        {ExitCodesHelp}
        """, [], FederationJobType.RollbackFederation,
        (client, fleetId, _, cancellationToken) => client.StartRollbackFederationAsync(fleetId, cancellationToken));

    private static Command Disable(CliConsole console)
    {
        var consent = new Consent(console, "disable", "removes the fleet's federation and its VPC endpoints");
        var command = JobCommand(console, "disable", $"""
            Disable a fleet's federation: its federation API server and VPC endpoints are removed. Asks for confirmation
            on a terminal; without a terminal, --yes is required and nothing is sent without it.

            Example:
              fleetgen federation disable --fleet 4f1c... --yes --wait

            {ExitCodesHelp}
            """, [consent.Yes], FederationJobType.DeleteFederation,
            (client, fleetId, _, cancellationToken) => client.StartDisableFederationAsync(fleetId, cancellationToken),
            consent: (consent, fleet => $"Disable the federation of fleet {fleet}? Its federation API server and VPC endpoints are removed."));
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FleetOption();
        var command = new Command("status", """
            Show a fleet's current (or last) federation job: its type, phase and sub-jobs. A federated fleet without
            a job says so and exits 0; a fleet without federation exits 4.

            Example:
              fleetgen federation status --fleet 4f1c...
            """) { fleet };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                var fleetId = (await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false)).Id;
                Job job;
                try
                {
                    job = await client.Federation.ShowFederationProgressAsync(fleetId, cancellationToken).ConfigureAwait(false);
                }
                catch (UcsApiException e) when (e.StatusCode == 404 && e.ErrorCode != UcsErrorCodes.ClusterGroupNotFound)
                {
                    // UCS answers 404 when the fleet has no job: a federated fleet may simply have had none yet.
                    var status = (await client.Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false)).GetFederationCondition()?.Status
                        ?? throw new FederationStateException(fleetId, null, $"Fleet {fleetId} has no federation job: federation is not enabled.", e);
                    FederationWriter.NoJob(fleetId, status, connection.Json(parse), console);
                    return ExitCodes.Success;
                }

                FederationWriter.Job(fleetId, job, connection.Json(parse), console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });
        return command;
    }

    private static Command Wait(CliConsole console)
    {
        var connection = new CliConnection(withCallTimeout: false);
        var fleet = FleetOption();
        var (timeout, pollInterval) = WaitOptions();
        var command = new Command("wait", $"""
            Wait for a fleet's federation job to end; progress goes to stderr.

            Example:
              fleetgen federation wait --fleet 4f1c... --timeout 20m --poll-interval 15s

            {ExitCodesHelp}
            """) { fleet, timeout, pollInterval };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var progress = new JobProgressWriter(console);
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                var waitOptions = WaitOptionsOf(parse, timeout, pollInterval);
                var fleetId = (await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, waitOptions.Timeout, cancellationToken).ConfigureAwait(false)).Id;
                var job = await client.WaitForFederationAsync(fleetId, waitOptions, progress, cancellationToken).ConfigureAwait(false);
                progress.Finish();
                FederationWriter.Job(fleetId, job, connection.Json(parse), console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                progress.Finish();
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });
        return command;
    }

    private static Command Connect(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FleetOption();
        var projectId = new Option<string>("--project-id") { Description = "The project of the VPC endpoint.", Required = true };
        var vpcId = new Option<string>("--vpc-id") { Description = "The VPC of the endpoint; it must belong to the project.", Required = true };
        var subnetId = new Option<string>("--subnet-id") { Description = "The subnet of the endpoint; it must belong to the VPC.", Required = true };
        var command = new Command("connect", """
            Make sure the fleet has a VPC endpoint to its federation API server: the existing one is kept, one is created
            only when there is none. Safe to repeat, also after a timeout.

            Example:
              fleetgen federation connect --fleet 4f1c... --project-id 08d4... --vpc-id 11c9... --subnet-id 0de9...
            """) { fleet, projectId, vpcId, subnetId };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                var fleetId = (await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false)).Id;
                var result = await FederationState.WhileFederatedAsync(client, fleetId, () => client.EnsureFederationConnectionAsync(fleetId, parse.GetValue(projectId)!, parse.GetValue(vpcId)!, parse.GetValue(subnetId)!, cancellationToken), cancellationToken).ConfigureAwait(false);
                FederationWriter.Connection(fleetId, result, connection.Json(parse), console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });
        return command;
    }

    private static Command Versions(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FleetOption(required: false, "Show this fleet's federation version and the versions it can be upgraded to: its id, or its name.");
        var command = new Command("versions", """
            Show the federation versions UCS offers (ListServerConfigs): each current version and the versions it can be
            upgraded to; with --fleet, the fleet's version and its upgrades. 'federation upgrade --version' takes one
            of these.

            Examples:
              fleetgen federation versions
              fleetgen federation versions --fleet prod --output json
            """) { fleet };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            (string Id, string? Version)? shown = null;
            if (parse.GetValue(fleet) is { } given)
            {
                var fleetId = (await UcsReferences.FleetAsync(client, given, cancellationToken).ConfigureAwait(false)).Id;
                shown = (fleetId, FederationWriter.Blank((await client.Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false)).Spec?.FederationVersion));
            }

            var versions = FederationVersions.Of(await client.Federation.ListServerConfigsAsync(cancellationToken).ConfigureAwait(false));
            InventoryWriter.Versions(versions, shown, connection.Json(parse), console);
        });
        return command;
    }

    /// <summary>A command that starts a job, and with <c>--wait</c> follows it with progress on stderr.</summary>
    private static Command JobCommand(
        CliConsole console,
        string name,
        string description,
        Option[] options,
        string jobType,
        Func<FleetClient, string, ParseResult, CancellationToken, Task<FederationJobOperation>> start,
        Func<FleetClient, string, ParseResult, CancellationToken, Task>? check = null,
        (Consent Consent, Func<UcsReference, string> Question)? consent = null)
    {
        var connection = new CliConnection(withCallTimeout: false);
        var fleet = FleetOption();
        var wait = new Option<bool>("--wait") { Description = "Follow the job until it ends; progress goes to stderr." };
        var (timeout, pollInterval) = WaitOptions();
        var command = new Command(name, description) { fleet, wait, timeout, pollInterval };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var progress = new JobProgressWriter(console);
            Uri? endpoint = null;
            try
            {
                endpoint = connection.EndpointOf(parse);
                consent?.Consent.CheckCanAsk(parse);
                using var client = await connection.CreateClientAsync(parse, console, cancellationToken).ConfigureAwait(false);
                var waitOptions = parse.GetValue(wait) ? WaitOptionsOf(parse, timeout, pollInterval) : null;
                var reference = await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, waitOptions?.Timeout, cancellationToken).ConfigureAwait(false);
                var fleetId = reference.Id;
                if (consent is { } asked)
                {
                    await asked.Consent.AskAsync(parse, asked.Question(reference)).ConfigureAwait(false);
                }

                if (check is not null)
                {
                    await check(client, fleetId, parse, cancellationToken).ConfigureAwait(false);
                }

                var operation = await FederationState.WhileFederatedAsync(client, fleetId, async () =>
                {
                    var started = await start(client, fleetId, parse, cancellationToken).ConfigureAwait(false);
                    if (waitOptions is not null)
                    {
                        await started.WaitForCompletionAsync(waitOptions, progress, cancellationToken).ConfigureAwait(false);
                    }

                    return started;
                }, cancellationToken).ConfigureAwait(false);
                if (waitOptions is null)
                {
                    FederationWriter.Started(fleetId, jobType, operation.JobId, connection.Json(parse), console, connection.HintsFor(parse, fleetId));
                    return ExitCodes.Success;
                }

                progress.Finish();
                FederationWriter.Job(fleetId, operation.HasValue ? operation.Value : null, connection.Json(parse), console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                progress.Finish();
                return CliErrors.Report(e, console, cancellationToken, endpoint, connection.HintsFor(parse, parse.GetValue(fleet)));
            }
        });
        return command;
    }

    private static FederationWaitOptions WaitOptionsOf(ParseResult parse, Option<TimeSpan> timeout, Option<TimeSpan> pollInterval) =>
        new() { Timeout = CliDuration.ValueOf(parse, timeout, DefaultTimeout), PollInterval = CliDuration.ValueOf(parse, pollInterval, DefaultPollInterval) };

    private static (Option<TimeSpan> Timeout, Option<TimeSpan> PollInterval) WaitOptions() => (
        CliDuration.Option("--timeout", "How long to wait for the job to end, the poll in flight included.", DefaultTimeout, FederationWaitOptions.MaxTimeout),
        CliDuration.Option("--poll-interval", "How often to ask for the job's progress.", DefaultPollInterval, FederationWaitOptions.MaxPollInterval));
}
