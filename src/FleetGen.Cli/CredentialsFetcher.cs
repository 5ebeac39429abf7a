using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// The work of get-credentials: every local check first (the merge planned, the file or the credential cache
/// checked), then the fleet's kubeconfig (downloaded when the fleet has a federation connection, created with one when
/// it has none), then merged as planned, saved or printed; with --exec its certificate goes to the credential cache
/// and the user entry runs the plugin. A dry run reads the fleet and shows the plan instead.
/// </summary>
internal static class CredentialsFetcher
{
    /// <returns>What was done; <c>null</c> after a dry run, whose report is written.</returns>
    public static async Task<CredentialsResult?> RunAsync(CredentialsRequest request, FleetCredentials credentials, CliConsole console, CancellationToken cancellationToken)
    {
        if (request.Target == OutputTarget.File && Path.GetDirectoryName(Path.GetFullPath(request.KubeconfigPath!)) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.LocalFile, $"--file: the folder {SafeText.OneLine(folder)} does not exist; create it first. Nothing was sent.");
        }

        using (var client = CliConnection.Create(request.Endpoint, request.AllowHttp, credentials, request.Timeout, console, request.Verbose))
        {
            var entryName = request.ContextName ?? Kubeconfig.NameForFleet(request.FleetId);
            var plan = await PlanTargetAsync(request, entryName, cancellationToken).ConfigureAwait(false);
            var cache = request.ExecArguments is null ? null : new FederationCredentialCache();
            if (request.DryRun)
            {
                var call = await client.PlanFederationKubeconfigAsync(request.FleetId, request.Duration, request.ProjectId, request.VpcId, request.SubnetId, cancellationToken).ConfigureAwait(false);
                if (call == FederationKubeconfigCall.CreateConnection && request.ProjectId is null)
                {
                    throw NoConnection(request);
                }

                WarnAboutExecCommand(request, console);
                DryRunWriter.Write(new DryRun(request, call, plan, cache?.FileOf(request.Endpoint, request.FleetId)), console);
                return null;
            }

            cache?.Prepare(request.Endpoint, request.FleetId);
            using var reservation = plan?.ReserveSpace();
            Kubeconfig config;
            await using (new ProgressLine($"Requesting the federation kubeconfig of fleet {SafeText.OneLine(request.FleetId)}...", console.Error, console.ErrorIsTerminal))
            {
                try
                {
                    config = await client.GetFederationKubeconfigAsync(request.FleetId, request.Duration, request.ProjectId, request.VpcId, request.SubnetId, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException e) when (e.ParamName == "projectId")
                {
                    throw NoConnection(request);
                }
            }

            if (request.ContextName is { } name)
            {
                config = config.WithEntryNames(name);
            }

            var warnings = config.GetSecurityWarnings().Select(w => w.ToString()).ToList();
            foreach (var warning in warnings)
            {
                console.WarningLine(warning);
            }

            var server = config.GetCurrentServer();
            var expiry = config.GetCurrentClientCertificateExpiry();
            string? cacheFile = null;
            if (cache is not null)
            {
                await cache.StoreAsync(request.Endpoint, request.FleetId, config, cancellationToken).ConfigureAwait(false);
                cacheFile = cache.FileOf(request.Endpoint, request.FleetId);
                config = config.WithExecCredentialPlugin(request.ExecCommand!.Command, [.. request.ExecCommand.LeadingArguments, .. request.ExecArguments!], ExecCommand.InstallHint);
                WarnAboutExecCommand(request, console);
            }

            switch (request.Target)
            {
                case OutputTarget.Stdout:
                    await console.Out.WriteAsync(config.ToYaml()).ConfigureAwait(false);
                    return new CredentialsResult(null, entryName, entryName, server, expiry, request.Target, warnings, cacheFile);
                case OutputTarget.File:
                    await config.SaveAsync(request.KubeconfigPath!, new KubeconfigSaveOptions { OverwriteExisting = request.OverwriteExisting }, cancellationToken).ConfigureAwait(false);
                    return new CredentialsResult(Path.GetFullPath(request.KubeconfigPath!), entryName, entryName, server, expiry, request.Target, warnings, cacheFile);
                default:
                    var merged = await plan!.ApplyAsync(config, cancellationToken).ConfigureAwait(false);
                    return new CredentialsResult(merged.Path, merged.Context, merged.CurrentContext, server, expiry, request.Target, warnings, cacheFile, plan.CurrentContextBefore);
            }
        }
    }

    /// <summary>Every local check of the target before the first call (a call may make a VPC endpoint); a merge's checks give its plan.</summary>
    private static async Task<KubeconfigMergePlan?> PlanTargetAsync(CredentialsRequest request, string entryName, CancellationToken cancellationToken)
    {
        switch (request.Target)
        {
            case OutputTarget.File:
                await KubeconfigPreflight.CheckSaveAsync(entryName, request.KubeconfigPath!, new KubeconfigSaveOptions { OverwriteExisting = request.OverwriteExisting }, cancellationToken).ConfigureAwait(false);
                return null;
            case OutputTarget.Merge:
                return await KubeconfigMergePlan.CreateAsync(entryName, request.KubeconfigPath, new KubeconfigMergeOptions { SetCurrentContext = request.SetCurrentContext, OverwriteExisting = request.OverwriteExisting }, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private static void WarnAboutExecCommand(CredentialsRequest request, CliConsole console)
    {
        if (request.ExecCommand?.Warning is { } warning)
        {
            console.WarningLine(warning);
        }
    }

    private static CliException NoConnection(CredentialsRequest request) =>
        new(ExitCodes.Usage, $"fleet {SafeText.OneLine(request.FleetId)} has no federation connection yet: pass --project-id, --vpc-id and --subnet-id to create one. Nothing was created.");
}
