using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Validation;

namespace FleetGen.Cli;

/// <summary>Turns a failure into one line on stderr and the exit code scripts rely on.</summary>
internal static class CliErrors
{
    /// <param name="endpoint">The UCS endpoint the command called, named in network failures.</param>
    public static int Report(Exception exception, CliConsole console, CancellationToken cancellationToken, Uri? endpoint = null)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                console.ErrorLine("cancelled; nothing was written.");
                return ExitCodes.Cancelled;
            case CliException cli:
                console.ErrorLine(cli.Message);
                return cli.ExitCode;
            case FleetValidationException validation:
                console.ErrorLine(string.Join("; ", validation.Violations) + " (nothing was sent)");
                return ExitCodes.Usage;
            case UcsApiException api:
                // Without a UCS error message, the exception's own message names the status and the request id.
                console.ErrorLine(api.ErrorMessage is null
                    ? api.Message
                    : $"{api.ErrorCode ?? "-"} {api.ErrorMessage} (HTTP {api.StatusCode}, request id {api.RequestId ?? "-"})");
                if (api.StatusCode == 401)
                {
                    Hint(console, "the credentials were refused: check UCS_AUTH_TOKEN (or --token-file; IAM tokens expire after 24 hours) or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK and this machine's clock (AK/SK signatures are dated), and --endpoint or --region.");
                }
                else if (api.ErrorCode == UcsErrorCodes.ClusterGroupNotFederated)
                {
                    Hint(console, "federation is not enabled for this fleet: run fleetgen federation enable --fleet <id> --wait first.");
                }

                return api.StatusCode is 401 or 403 ? ExitCodes.Authentication : ExitCodes.Api;
            case FederationJobFailedException failed:
                console.ErrorLine(failed.Message);
                return ExitCodes.JobFailed;
            case FederationWaitTimeoutException timedOut:
                console.ErrorLine(timedOut.Message);
                return ExitCodes.WaitTimedOut;
            case FederationStateException state:
                console.ErrorLine(state.Message);
                Hint(console, state.FederationStatus is null
                    ? $"enable it with: fleetgen federation enable --fleet {state.FleetId} --wait"
                    : $"wait for it with: fleetgen federation wait --fleet {state.FleetId}");
                return ExitCodes.Api;
            case TimeoutException or HttpRequestException:
                console.ErrorLine($"cannot reach UCS{(endpoint is null ? string.Empty : $" at {endpoint.GetLeftPart(UriPartial.Authority)}")}: {WithCauses(exception)}");
                return ExitCodes.Network;
            case KubeconfigException kubeconfig:
                console.ErrorLine(string.Join("; ", kubeconfig.Problems.Select(p => kubeconfig.Path is null ? p : $"{kubeconfig.Path}: {p}")) + " (nothing was changed)");
                return ExitCodes.LocalFile;
            case IOException or UnauthorizedAccessException:
                console.ErrorLine(exception.Message + " (nothing was changed)");
                return ExitCodes.LocalFile;
            case ArgumentException argument:
                console.ErrorLine(argument.Message);
                return ExitCodes.Usage;
            default:
                console.ErrorLine($"unexpected {exception.GetType().Name}: {exception.Message} (a bug in fleetgen: please report it)");
                return ExitCodes.Internal;
        }
    }

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
