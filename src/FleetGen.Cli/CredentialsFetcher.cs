using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// The work of get-credentials, for a fleet's federation and for a member cluster alike: the --file folder checked,
/// the fleet or cluster resolved (a name through its list), every local check (the merge planned, the file or the
/// credential cache checked), then the kubeconfig (<see cref="KubeconfigSource"/>), then merged as planned, saved or
/// printed; with --exec its certificate goes to the credential cache and the user entry runs the plugin. A dry run
/// reads what it must and shows the plan instead.
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
            var source = await KubeconfigSource.ResolveAsync(request.Subject, client, cancellationToken).ConfigureAwait(false);
            var entryName = request.ContextName ?? source.EntryName;
            var plan = await PlanTargetAsync(request, entryName, cancellationToken).ConfigureAwait(false);
            var cache = request.ExecOptions is null ? null : new FederationCredentialCache();
            var execArguments = request.ExecOptions is { } options ? ExecPluginArguments.Of([(source.Flag, source.Reference.Id), .. options]) : null;
            if (request.DryRun)
            {
                var (call, sentence) = await source.PlanAsync(client, request, cancellationToken).ConfigureAwait(false);
                WarnAboutExecCommand(request, console);
                DryRunWriter.Write(new DryRun(request, call, sentence, plan, execArguments, cache?.FileOf(request.Endpoint, source.CacheKey)), console);
                return null;
            }

            cache?.Prepare(request.Endpoint, source.CacheKey);
            using var reservation = plan?.ReserveSpace();
            Kubeconfig config;
            await using (new ProgressLine(SafeText.OneLine(source.Requesting), console.Error, console.ErrorIsTerminal))
            {
                config = await source.FetchAsync(client, request, cancellationToken).ConfigureAwait(false);
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
                await cache.StoreAsync(request.Endpoint, source.CacheKey, config, cancellationToken).ConfigureAwait(false);
                cacheFile = cache.FileOf(request.Endpoint, source.CacheKey);
                config = config.WithExecCredentialPlugin(request.ExecCommand!.Command, [.. request.ExecCommand.LeadingArguments, .. execArguments!], ExecCommand.InstallHint);
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

    /// <summary>Every local check of the target before the first call that may create something; a merge's checks give its plan.</summary>
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
}
