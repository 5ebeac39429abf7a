using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// The work of get-credentials: the fleet's kubeconfig (downloaded when the fleet has a federation connection, created
/// with one when it has none), then merged, saved or printed.
/// </summary>
internal static class CredentialsFetcher
{
    public static async Task<CredentialsResult> RunAsync(CredentialsRequest request, FleetCredentials credentials, CliConsole console, CancellationToken cancellationToken)
    {
        if (request.Target == OutputTarget.File && Path.GetDirectoryName(Path.GetFullPath(request.KubeconfigPath!)) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.LocalFile, $"--file: the folder {SafeText.OneLine(folder)} does not exist; create it first. Nothing was sent.");
        }

        using (var client = CliConnection.Create(request.Endpoint, request.AllowHttp, credentials, request.Timeout, console))
        {
            var entryName = request.ContextName ?? Kubeconfig.NameForFleet(request.FleetId);
            await CheckTargetAsync(request, entryName, cancellationToken).ConfigureAwait(false);

            Kubeconfig config;
            await using (new ProgressLine($"Requesting the federation kubeconfig of fleet {SafeText.OneLine(request.FleetId)}...", console.Error, console.ErrorIsTerminal))
            {
                try
                {
                    config = await client.GetFederationKubeconfigAsync(request.FleetId, request.Duration, request.ProjectId, request.VpcId, request.SubnetId, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException e) when (e.ParamName == "projectId")
                {
                    throw new CliException(ExitCodes.Usage, $"fleet {SafeText.OneLine(request.FleetId)} has no federation connection yet: pass --project-id, --vpc-id and --subnet-id to create one. Nothing was created.");
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
            switch (request.Target)
            {
                case OutputTarget.Stdout:
                    await console.Out.WriteAsync(config.ToYaml()).ConfigureAwait(false);
                    return new CredentialsResult(null, entryName, entryName, server, expiry, request.Target, warnings);
                case OutputTarget.File:
                    await config.SaveAsync(request.KubeconfigPath!, new KubeconfigSaveOptions { OverwriteExisting = request.OverwriteExisting }, cancellationToken).ConfigureAwait(false);
                    return new CredentialsResult(Path.GetFullPath(request.KubeconfigPath!), entryName, entryName, server, expiry, request.Target, warnings);
                default:
                    var merged = await config.MergeIntoAsync(request.KubeconfigPath, MergeOptions(request), cancellationToken).ConfigureAwait(false);
                    return new CredentialsResult(merged.Path, merged.Context, merged.CurrentContext, server, expiry, request.Target, warnings);
            }
        }
    }

    /// <summary>Every local check of the target before the first call: a call may make a VPC endpoint.</summary>
    private static Task CheckTargetAsync(CredentialsRequest request, string entryName, CancellationToken cancellationToken) => request.Target switch
    {
        OutputTarget.File => KubeconfigPreflight.CheckSaveAsync(entryName, request.KubeconfigPath!, new KubeconfigSaveOptions { OverwriteExisting = request.OverwriteExisting }, cancellationToken),
        OutputTarget.Merge => KubeconfigPreflight.CheckMergeAsync(entryName, request.KubeconfigPath, MergeOptions(request), cancellationToken),
        _ => Task.CompletedTask,
    };

    private static KubeconfigMergeOptions MergeOptions(CredentialsRequest request) =>
        new() { SetCurrentContext = request.SetCurrentContext, OverwriteExisting = request.OverwriteExisting };
}
