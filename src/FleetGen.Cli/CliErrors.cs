using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Validation;

namespace FleetGen.Cli;

/// <summary>Turns a failure into one line on stderr and the exit code scripts rely on.</summary>
internal static class CliErrors
{
    /// <param name="endpoint">The UCS endpoint the command called, named in network failures.</param>
    /// <param name="hints">The fleet and the connection flags given, repeated in the command lines hints suggest.</param>
    /// <param name="subject">What the error line starts with, e.g. the fleet of the credential plugin, whose errors kubectl shows without the command.</param>
    public static int Report(Exception exception, CliConsole console, CancellationToken cancellationToken, Uri? endpoint = null, CliHints? hints = null, string? subject = null)
    {
        hints ??= CliHints.None;
        void ErrorLine(string message) => console.ErrorLine(subject is null ? message : $"{subject}: {message}");

        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                ErrorLine("cancelled; nothing was written.");
                return ExitCodes.Cancelled;
            case CliException cli:
                ErrorLine(cli.Message);
                return cli.ExitCode;
            case FleetValidationException validation:
                ErrorLine(string.Join("; ", validation.Violations) + " (nothing was sent)");
                return ExitCodes.Usage;
            // A failed job and a wrong state are UcsApiExceptions with exit codes of their own: matched first.
            case FederationJobFailedException failed:
                ErrorLine(failed.Message);
                return ExitCodes.JobFailed;
            case FederationStateException state:
                ErrorLine(state.Message);
                Hint(console, state.FederationStatus is null
                    ? $"enable it with: {hints.Command("federation enable", state.FleetId, "--wait")}"
                    : $"wait for it with: {hints.Command("federation wait", state.FleetId)}");
                return ExitCodes.Api;
            case UcsApiException api:
                // Without a UCS error message, the exception's own message names the status and the request id.
                ErrorLine(api.ErrorMessage is null
                    ? api.Message
                    : $"{api.ErrorCode ?? "-"} {api.ErrorMessage} (HTTP {api.StatusCode}, request id {api.RequestId ?? "-"})");
                if (api.StatusCode == 401)
                {
                    Hint(console, "the credentials were refused: check UCS_AUTH_TOKEN (or --token-file; IAM tokens expire after 24 hours) or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK and this machine's clock (AK/SK signatures are dated), and --endpoint or --region.");
                }
                else if (api.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
                {
                    Hint(console, $"federation is not enabled for this fleet: run {hints.Command("federation enable", more: "--wait")} first.");
                }

                return api.StatusCode is 401 or 403 ? ExitCodes.Authentication : ExitCodes.Api;
            case FederationWaitTimeoutException timedOut:
                ErrorLine(timedOut.Message);
                return ExitCodes.WaitTimedOut;
            case Client.Authentication.FleetCredentialsException credentials:
                // Found before the first request they are a usage error (CredentialsResolver); this is a renewal or an
                // account-id lookup that failed while the command ran.
                console.ErrorLine(credentials.Message);
                return credentials.Problem == Client.Authentication.FleetCredentialProblem.Unavailable ? ExitCodes.Authentication : ExitCodes.Usage;
            case TimeoutException or HttpRequestException:
                ErrorLine($"cannot reach UCS{(endpoint is null ? string.Empty : $" at {endpoint.GetLeftPart(UriPartial.Authority)}")}: {WithCauses(exception)}");
                return ExitCodes.Network;
            case KubeconfigException kubeconfig:
                ErrorLine(string.Join("; ", kubeconfig.Problems.Select(p => kubeconfig.Path is null ? InFlags(p) : $"{kubeconfig.Path}: {InFlags(p)}")) + " (nothing was changed)");
                return ExitCodes.LocalFile;
            case IOException or UnauthorizedAccessException:
                ErrorLine(exception.Message + " (nothing was changed)");
                return ExitCodes.LocalFile;
            case ArgumentException argument:
                ErrorLine(argument.Message);
                return ExitCodes.Usage;
            default:
                ErrorLine($"unexpected {exception.GetType().Name}: {exception.Message} (a bug in fleetgen: please report it)");
                return ExitCodes.Internal;
        }
    }

    /// <summary>A library message in the command's terms: the merge and save options it names are these flags.</summary>
    private static string InFlags(string message) => message
        .Replace("KubeconfigMergeOptions.OverwriteExisting", "--overwrite-existing", StringComparison.Ordinal)
        .Replace("KubeconfigSaveOptions.OverwriteExisting", "--overwrite-existing", StringComparison.Ordinal)
        .Replace("KubeconfigMergeOptions.ContextName", "--context", StringComparison.Ordinal);

    private static void Hint(CliConsole console, string hint) =>
        console.Error.WriteLine($"fleetgen: hint: {SafeText.OneLine(hint)}");

    /// <summary>The message and its causes in one line: "The SSL connection could not be established: the remote certificate is invalid ...", not "see inner exception".</summary>
    private static string WithCauses(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Replace(", see inner exception", string.Empty, StringComparison.Ordinal).TrimEnd('.', ' ');
            if (message.Length > 0 && !parts.Contains(message))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts) + ".";
    }
}
