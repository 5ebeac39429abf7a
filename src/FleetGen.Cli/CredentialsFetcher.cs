using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>The work of get-credentials: call CreateFederationCert, then merge, save or print the kubeconfig.</summary>
internal static class CredentialsFetcher
{
    public static async Task<CredentialsResult> RunAsync(CredentialsRequest request, FleetCredentials credentials, CliConsole console, CancellationToken cancellationToken)
    {
        FleetClient client;
        try
        {
            client = new FleetClient(new FleetClientOptions { Endpoint = request.Endpoint, AllowHttp = request.AllowHttp, Credentials = credentials });
        }
        catch (FleetClientOptionsException e)
        {
            throw new CliException(ExitCodes.Usage, string.Join("; ", e.Violations.Select(v => v.Option == nameof(FleetClientOptions.Endpoint) ? $"--endpoint: {v.Problem}" : v.ToString())));
        }

        using (client)
        {
            var entryName = request.ContextName ?? Kubeconfig.NameForFleet(request.FleetId);
            await CheckTargetAsync(request, entryName, cancellationToken).ConfigureAwait(false);

            Kubeconfig config;
            await using (new ProgressLine($"Requesting the federation kubeconfig of fleet {SafeText.OneLine(request.FleetId)}...", console.Error, console.ErrorIsTerminal))
            {
                config = await client.CreateFederationCertAsync(request.FleetId, new CreateFederationCertRequestBody
                {
                    ProjectID = request.ProjectId,
                    VpcID = request.VpcId,
                    SubnetID = request.SubnetId,
                    Duration = request.Duration,
                }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Every local check of the target before the create call: the call makes a VPC endpoint and cannot be repeated safely.</summary>
    private static Task CheckTargetAsync(CredentialsRequest request, string entryName, CancellationToken cancellationToken) => request.Target switch
    {
        OutputTarget.File => KubeconfigPreflight.CheckSaveAsync(entryName, request.KubeconfigPath!, new KubeconfigSaveOptions { OverwriteExisting = request.OverwriteExisting }, cancellationToken),
        OutputTarget.Merge => KubeconfigPreflight.CheckMergeAsync(entryName, request.KubeconfigPath, MergeOptions(request), cancellationToken),
        _ => Task.CompletedTask,
    };

    private static KubeconfigMergeOptions MergeOptions(CredentialsRequest request) =>
        new() { SetCurrentContext = request.SetCurrentContext, OverwriteExisting = request.OverwriteExisting };
}
