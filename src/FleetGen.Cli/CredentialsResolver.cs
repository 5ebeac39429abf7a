using FleetGen.Client.Authentication;
using Microsoft.Extensions.Logging;

namespace FleetGen.Cli;

/// <summary>
/// Chooses the credentials, never from the command line: <c>--token-file</c>; else <c>UCS_AUTH_TOKEN</c> or
/// <c>HUAWEICLOUD_SDK_AK</c>/<c>SK</c> when either is set (<c>--auth</c> chooses when both are); else the official SDKs'
/// chain (IdP variables, the profile file, ECS metadata, CCE Pod Identity), found before the command sends anything.
/// </summary>
internal static class CredentialsResolver
{
    /// <summary>The most bytes read from a token file: IAM tokens are a few kilobytes.</summary>
    public const int MaxTokenFileBytes = ChainFile.MaxBytes;

    /// <param name="log">Where the chain says which source served (the command's stderr log).</param>
    public static async Task<FleetCredentials> ResolveAsync(string? auth, FileInfo? tokenFile, Func<string, string?> environment, CancellationToken cancellationToken, ILogger? log = null)
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

            var token = (await ReadTokenFileAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
            if (token.Length == 0)
            {
                throw new CliException(ExitCodes.Usage, $"--token-file: {tokenFile.FullName} is empty.");
            }

            try
            {
                return new TokenCredentials(token);
            }
            catch (ArgumentException e)
            {
                throw new CliException(ExitCodes.Usage, $"--token-file: the token in {tokenFile.FullName} cannot be sent: {e.Message}");
            }
        }

        var named = new[] { FleetCredentials.TokenVariable, FleetCredentials.AccessKeyVariable, FleetCredentials.SecretKeyVariable }
            .Any(name => !string.IsNullOrWhiteSpace(environment(name)));
        if (!named && kind != FleetCredentialKind.Token)
        {
            return await ChainAsync(environment, log, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return FleetCredentials.FromEnvironment(environment, kind);
        }
        catch (FleetCredentialsException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message + (e.Problem == FleetCredentialProblem.Ambiguous ? " Pass --auth token or --auth aksk." : string.Empty));
        }
    }

    private static async Task<FleetCredentials> ChainAsync(Func<string, string?> environment, ILogger? log, CancellationToken cancellationToken)
    {
        var chain = FleetCredentials.Default(new DefaultCredentialChainOptions { Environment = environment });
        try
        {
            await chain.ResolveAsync(log, cancellationToken).ConfigureAwait(false);
            return chain;
        }
        catch (FleetCredentialsException e)
        {
            throw new CliException(e.Problem == FleetCredentialProblem.NotFound ? ExitCodes.Usage : ExitCodes.Authentication, e.Message);
        }
    }

    /// <summary>At most <see cref="MaxTokenFileBytes"/> of the file, a byte order mark dropped (<see cref="ChainFile.ReadTextAsync"/>).</summary>
    private static async Task<string> ReadTokenFileAsync(FileInfo tokenFile, CancellationToken cancellationToken)
    {
        try
        {
            return await ChainFile.ReadTextAsync(tokenFile.FullName, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.Usage, $"--token-file: {tokenFile.FullName} is larger than {MaxTokenFileBytes} bytes; it does not hold a token.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.LocalFile, $"--token-file: cannot read {tokenFile.FullName}: {e.Message}");
        }
    }
}
