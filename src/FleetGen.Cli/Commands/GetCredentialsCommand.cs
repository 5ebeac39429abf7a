using System.CommandLine;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen get-credentials</c>: the federation kubeconfig of a fleet into a kubeconfig file.</summary>
internal static class GetCredentialsCommand
{
    private const int DefaultDuration = 30;

    /// <summary>The contract's bounds of the certificate's validity, as the library checks them.</summary>
    private static string DurationBounds =>
        ContractOperations.CreateFederationCert.Body?.Resolved().Properties?["duration"].Resolved() is { Minimum: { } min, Maximum: { } max }
            ? FormattableString.Invariant($"{min} to {max}")
            : "as the contract allows";

    public static Command Create(CliConsole console)
    {
        var fleet = new Option<string>("--fleet") { Description = "The fleet (cluster group) id.", Required = true };
        var projectId = new Option<string>("--project-id") { Description = "The project of the VPC endpoint.", Required = true };
        var vpcId = new Option<string>("--vpc-id") { Description = "The VPC of the endpoint; it must belong to the project.", Required = true };
        var subnetId = new Option<string>("--subnet-id") { Description = "The subnet of the endpoint; it must belong to the VPC.", Required = true };
        var duration = new Option<int>("--duration")
        {
            Description = $"Validity of the client certificate in days, {DurationBounds}.",
            DefaultValueFactory = _ => DefaultDuration,
        };
        var endpoint = new Option<string>("--endpoint") { Description = "The UCS endpoint URL (https), for clouds other than Huawei Cloud's." };
        var region = new Option<string>("--region") { Description = "cn (https://ucs.myhuaweicloud.com, the default) or intl (https://ucs-intl.myhuaweicloud.com)." };
        region.AcceptOnlyFromAmong("cn", "intl");
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "The kubeconfig to merge into. Default: the first entry of KUBECONFIG, else ~/.kube/config." };
        var file = new Option<string>("--file") { Description = "Write a standalone kubeconfig to this file instead of merging." };
        var stdout = new Option<bool>("--stdout") { Description = "Print a standalone kubeconfig on stdout instead of merging." };
        var context = new Option<string>("--context") { Description = "A name for the new context, cluster and user (default: ucs-<fleet>)." };
        var setCurrent = new Option<bool>("--set-current") { Description = "Make the new context the current context of the kubeconfig." };
        var overwrite = new Option<bool>("--overwrite-existing")
        {
            Description = "Replace entries of the same name even when another context uses them or the context points elsewhere; with --file, replace any kubeconfig.",
        };
        var auth = new Option<string>("--auth") { Description = "token or aksk; needed only when both kinds of credentials are in the environment." };
        auth.AcceptOnlyFromAmong("token", "aksk");
        var tokenFile = new Option<FileInfo>("--token-file") { Description = "Read the token from this file instead of UCS_AUTH_TOKEN." };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Allow an http:// endpoint on a loopback address (testing only)." };
        var output = new Option<string>("--output") { Description = "text (default) or json: one JSON object on stdout.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");

        var command = new Command("get-credentials", """
            Create the VPC endpoint to a fleet's federation API server and put its kubeconfig into your kubeconfig.

            Credentials come from the environment, never from the command line: UCS_AUTH_TOKEN (or --token-file), or
            HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN and HUAWEICLOUD_SDK_DOMAIN_ID).

            Examples:
              fleetgen get-credentials --fleet 4f1c... --project-id 08d4... --vpc-id 11c9... --subnet-id 0de9...
              fleetgen get-credentials --fleet 4f1c... --project-id 08d4... --vpc-id 11c9... --subnet-id 0de9... --region intl --context fed-prod --set-current
              fleetgen get-credentials --fleet 4f1c... --project-id 08d4... --vpc-id 11c9... --subnet-id 0de9... --file ./fed.kubeconfig --output json

            Everything local (the target file, its lock, entry names that would replace another context's) is checked
            before the request, because each request creates a VPC endpoint.

            Exit codes: 0 success, 1 unexpected error (a bug), 2 usage or validation error (nothing sent),
            3 authentication or authorization failure, 4 other API error or unusable answer, 5 local file error
            (nothing changed), 130 cancelled.
            """)
        {
            fleet, projectId, vpcId, subnetId, duration, endpoint, region, kubeconfig, file, stdout, context, setCurrent, overwrite, auth, tokenFile, allowHttp, output,
        };

        command.Validators.Add(result =>
        {
            if (result.GetResult(endpoint) is not null && result.GetResult(region) is not null)
            {
                result.AddError("--endpoint and --region cannot be used together.");
            }

            var targets = (result.GetResult(file) is null ? 0 : 1) + (result.GetValue(stdout) ? 1 : 0) + (result.GetResult(kubeconfig) is null ? 0 : 1);
            if (targets > 1)
            {
                result.AddError("Choose one of --kubeconfig (merge), --file and --stdout.");
            }

            if (result.GetValue(context) is { } name && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--context: must not be blank.");
            }

            if (result.GetValue(fleet) is { } fleetId && string.IsNullOrWhiteSpace(fleetId))
            {
                result.AddError("--fleet: must not be blank.");
            }

            if (result.GetValue(stdout) && result.GetValue(output) == "json")
            {
                result.AddError("--stdout prints the kubeconfig itself; it cannot be combined with --output json.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var endpointText = parse.GetValue(endpoint);
                Uri endpointUri;
                if (endpointText is null)
                {
                    endpointUri = parse.GetValue(region) == "intl" ? UcsEndpoints.International : UcsEndpoints.ChineseMainland;
                }
                else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpointUri!))
                {
                    throw new CliException(ExitCodes.Usage, $"--endpoint: \"{endpointText}\" is not an absolute URL.");
                }
                else if (endpointUri.UserInfo.Length > 0)
                {
                    throw new CliException(ExitCodes.Usage, "--endpoint: must not carry user information (\"user@\" before the host); credentials come from the environment.");
                }

                var request = new CredentialsRequest(
                    parse.GetValue(fleet)!,
                    parse.GetValue(projectId)!,
                    parse.GetValue(vpcId)!,
                    parse.GetValue(subnetId)!,
                    parse.GetValue(duration),
                    endpointUri,
                    parse.GetValue(allowHttp),
                    parse.GetValue(stdout) ? OutputTarget.Stdout : parse.GetValue(file) is not null ? OutputTarget.File : OutputTarget.Merge,
                    parse.GetValue(file) ?? parse.GetValue(kubeconfig),
                    parse.GetValue(context),
                    parse.GetValue(setCurrent),
                    parse.GetValue(overwrite),
                    parse.GetValue(output) == "json");
                var credentials = await CredentialsResolver.ResolveAsync(parse.GetValue(auth), parse.GetValue(tokenFile), console.Environment, cancellationToken).ConfigureAwait(false);
                var result = await CredentialsFetcher.RunAsync(request, credentials, console, cancellationToken).ConfigureAwait(false);
                SummaryWriter.Write(result, request.Json, console);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken);
            }
        });
        return command;
    }
}
