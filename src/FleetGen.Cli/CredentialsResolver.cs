using FleetGen.Client.Authentication;

namespace FleetGen.Cli;

/// <summary>Chooses the credentials from the environment or a token file; they never come from the command line.</summary>
internal static class CredentialsResolver
{
    public static async Task<FleetCredentials> ResolveAsync(string? auth, FileInfo? tokenFile, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        FleetCredentialKind? kind = auth switch
        {
            null => null,
            "token" => FleetCredentialKind.Token,
            _ => FleetCredentialKind.AkSk,
        };

        if (tokenFile is not null)
        {
            if (kind == FleetCredentialKind.AkSk)
            {
                throw new CliException(ExitCodes.Usage, "--token-file cannot be used with --auth aksk.");
            }

            string token;
            try
            {
                token = (await File.ReadAllTextAsync(tokenFile.FullName, cancellationToken).ConfigureAwait(false)).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.LocalFile, $"Cannot read the token file {tokenFile.FullName}: {e.Message}");
            }

            return token.Length > 0
                ? new TokenCredentials(token)
                : throw new CliException(ExitCodes.Usage, $"The token file {tokenFile.FullName} is empty.");
        }

        try
        {
            return FleetCredentials.FromEnvironment(environment, kind);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message + (e.Message.Contains("choose one", StringComparison.Ordinal) ? " Pass --auth token or --auth aksk." : string.Empty));
        }
    }
}
