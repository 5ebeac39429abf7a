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
            case TimeoutException or HttpRequestException:
                console.ErrorLine(exception.Message);
                return ExitCodes.Api;
            case KubeconfigException or IOException or UnauthorizedAccessException:
                console.ErrorLine(exception.Message + " (the kubeconfig was not changed)");
                return ExitCodes.LocalFile;
            default:
                throw exception;
        }
    }
}
