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
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message.Replace("Invalid FleetClientOptions: Endpoint: ", "--endpoint: ", StringComparison.Ordinal));
        }

        Kubeconfig config;
        using (client)
        await using (new ProgressLine($"Requesting the federation kubeconfig of fleet {request.FleetId}...", console.Error, console.ErrorIsTerminal))
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
            config = config.WithCurrentContextName(name);
        }

        var server = config.Clusters?.FirstOrDefault(c => c.Name == config.Contexts?.FirstOrDefault(x => x.Name == config.CurrentContext)?.Context?.Cluster)?.Cluster?.Server;
        var expiry = CertificateExpiry(config);
        switch (request.Target)
        {
            case OutputTarget.Stdout:
                await console.Out.WriteAsync(config.ToYaml()).ConfigureAwait(false);
                return new CredentialsResult(null, config.CurrentContext!, config.CurrentContext, server, expiry, request.Target);
            case OutputTarget.File:
                await config.SaveAsync(request.KubeconfigPath!, cancellationToken).ConfigureAwait(false);
                return new CredentialsResult(Path.GetFullPath(request.KubeconfigPath!), config.CurrentContext!, config.CurrentContext, server, expiry, request.Target);
            default:
                var merged = await config.MergeIntoAsync(request.KubeconfigPath, new KubeconfigMergeOptions { SetCurrentContext = request.SetCurrentContext }, cancellationToken).ConfigureAwait(false);
                return new CredentialsResult(merged.Path, merged.Context, merged.CurrentContext, server, expiry, request.Target);
        }
    }

    private static DateTimeOffset? CertificateExpiry(Kubeconfig config)
    {
        foreach (var user in config.Users ?? [])
        {
            if (user.User?.GetClientCertificateExpiry() is { } expiry)
            {
                return expiry;
            }
        }

        return null;
    }
}
