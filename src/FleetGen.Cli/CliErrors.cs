using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Validation;

namespace FleetGen.Cli;

/// <summary>Turns a failure into one line on stderr and the exit code scripts rely on.</summary>
internal static class CliErrors
{
    public static int Report(Exception exception, CliConsole console, CancellationToken cancellationToken)
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
                var code = api.ErrorCode ?? "-";
                var message = api.ErrorMessage ?? api.Message;
                console.ErrorLine($"{code} {message} (HTTP {api.StatusCode}, request id {api.RequestId ?? "-"})");
                return api.StatusCode is 401 or 403 ? ExitCodes.Authentication : ExitCodes.Api;
            case FederationJobFailedException failed:
                console.ErrorLine(failed.Message);
                return ExitCodes.JobFailed;
            case FederationWaitTimeoutException timedOut:
                console.ErrorLine(timedOut.Message);
                return ExitCodes.WaitTimedOut;
            case FederationStateException state:
                console.ErrorLine(state.Message);
                return ExitCodes.Api;
            case TimeoutException or HttpRequestException:
                console.ErrorLine(WithCauses(exception));
                return ExitCodes.Api;
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
