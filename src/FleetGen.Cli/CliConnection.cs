using System.CommandLine;
using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>The options every command that calls UCS shares (endpoint, credentials, output) and the client they make.</summary>
internal sealed class CliConnection
{
    public Option<string> Endpoint { get; } = new("--endpoint") { Description = "The UCS endpoint URL (https), for clouds other than Huawei Cloud's." };

    public Option<string> Region { get; } = new("--region") { Description = "cn (https://ucs.myhuaweicloud.com, the default) or intl (https://ucs-intl.myhuaweicloud.com)." };

    public Option<string> Auth { get; } = new("--auth") { Description = "token or aksk; needed only when both kinds of credentials are in the environment." };

    public Option<FileInfo> TokenFile { get; } = new("--token-file") { Description = "Read the token from this file instead of UCS_AUTH_TOKEN." };

    public Option<bool> AllowHttp { get; } = new("--allow-http") { Description = "Allow an http:// endpoint on a loopback address (testing only)." };

    public Option<string> Output { get; } = new("--output") { Description = "text (default) or json: one JSON object on stdout.", DefaultValueFactory = _ => "text" };

    public CliConnection()
    {
        Region.AcceptOnlyFromAmong("cn", "intl");
        Auth.AcceptOnlyFromAmong("token", "aksk");
        Output.AcceptOnlyFromAmong("text", "json");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Endpoint, Region, Auth, TokenFile, AllowHttp, Output })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(Endpoint) is not null && result.GetResult(Region) is not null)
            {
                result.AddError("--endpoint and --region cannot be used together.");
            }
        });
    }

    public bool Json(ParseResult parse) => parse.GetValue(Output) == "json";

    /// <summary>The endpoint the flags name, checked before anything is sent.</summary>
    public Uri EndpointOf(ParseResult parse)
    {
        var text = parse.GetValue(Endpoint);
        if (text is null)
        {
            return parse.GetValue(Region) == "intl" ? UcsEndpoints.International : UcsEndpoints.ChineseMainland;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
        {
            throw new CliException(ExitCodes.Usage, $"--endpoint: \"{text}\" is not an absolute URL.");
        }

        return endpoint.UserInfo.Length > 0
            ? throw new CliException(ExitCodes.Usage, "--endpoint: must not carry user information (\"user@\" before the host); credentials come from the environment.")
            : endpoint;
    }

    /// <summary>A client for the flags' endpoint and the environment's credentials; bad options exit 2 before anything is sent.</summary>
    public async Task<FleetClient> CreateClientAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var endpoint = EndpointOf(parse);
        var credentials = await CredentialsResolver.ResolveAsync(parse.GetValue(Auth), parse.GetValue(TokenFile), console.Environment, cancellationToken).ConfigureAwait(false);
        return Create(endpoint, parse.GetValue(AllowHttp), credentials);
    }

    public static FleetClient Create(Uri endpoint, bool allowHttp, Client.Authentication.FleetCredentials credentials)
    {
        try
        {
            return new FleetClient(new FleetClientOptions { Endpoint = endpoint, AllowHttp = allowHttp, Credentials = credentials });
        }
        catch (FleetClientOptionsException e)
        {
            throw new CliException(ExitCodes.Usage, string.Join("; ", e.Violations.Select(v => v.Option == nameof(FleetClientOptions.Endpoint) ? $"--endpoint: {v.Problem}" : v.ToString())));
        }
    }
}
