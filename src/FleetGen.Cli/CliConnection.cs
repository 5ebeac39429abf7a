using System.CommandLine;
using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>The options every command that calls UCS shares (endpoint, credentials, output, call timeout) and the client they make.</summary>
internal sealed class CliConnection
{
    /// <summary>How long one call may take, retries included, unless --timeout says otherwise: a one-shot command should not hang.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);

    private readonly Option<TimeSpan>? callTimeout;
    private readonly bool withOutput;

    /// <param name="withCallTimeout">Whether the command takes --timeout for its calls (commands that wait for a job use --timeout for the wait).</param>
    /// <param name="withOutput">Whether the command takes --output (a command whose stdout has a fixed format does not).</param>
    public CliConnection(bool withCallTimeout = true, bool withOutput = true)
    {
        this.withOutput = withOutput;
        CliChoices.AcceptOnly(Region, "cn", "intl");
        CliChoices.AcceptOnly(Auth, "token", "aksk");
        CliChoices.AcceptOnly(Output, "text", "json");
        if (withCallTimeout)
        {
            callTimeout = CliDuration.Option("--timeout", "How long a call to UCS may take, retries included.", DefaultCallTimeout, FleetClientOptions.MaxCallDuration);
        }
    }

    public Option<string> Endpoint { get; } = new("--endpoint") { Description = "The UCS endpoint URL (https), for clouds other than Huawei Cloud's." };

    public Option<string> Region { get; } = new("--region") { Description = "cn (https://ucs.myhuaweicloud.com, the default) or intl (https://ucs-intl.myhuaweicloud.com)." };

    public Option<string> Auth { get; } = new("--auth") { Description = "token or aksk; needed only when both kinds of credentials are in the environment." };

    public Option<FileInfo> TokenFile { get; } = new("--token-file") { Description = "Read the token from this file instead of UCS_AUTH_TOKEN." };

    public Option<bool> AllowHttp { get; } = new("--allow-http") { Description = "Allow an http:// endpoint on a loopback address (testing only)." };

    public Option<string> Output { get; } = new("--output") { Description = "text (default) or json: one JSON object on stdout.", DefaultValueFactory = _ => "text" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print each call to UCS on stderr: method, URL, status, request id and duration (never a credential)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option?[] { Endpoint, Region, Auth, TokenFile, AllowHttp, withOutput ? Output : null, callTimeout, Verbose }.OfType<Option>())
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

    public bool Json(ParseResult parse) => withOutput && parse.GetValue(Output) == "json";

    public TimeSpan CallTimeout(ParseResult parse) => callTimeout is null ? DefaultCallTimeout : CliDuration.ValueOf(parse, callTimeout, DefaultCallTimeout);

    /// <summary>
    /// The connection flags an exec credential plugin must repeat to reach the same UCS the same way: the endpoint
    /// always (written out, so the plugin never depends on a default), and the others when they were given. No secret:
    /// credentials come from the environment, a token file by its path.
    /// </summary>
    public IEnumerable<(string Flag, string? Value)> PluginArguments(ParseResult parse, Uri endpoint)
    {
        yield return ("--endpoint", endpoint.ToString());
        if (parse.GetValue(AllowHttp))
        {
            yield return ("--allow-http", null);
        }

        if (parse.GetValue(Auth) is { } auth)
        {
            yield return ("--auth", auth);
        }

        if (parse.GetValue(TokenFile) is { } tokenFile)
        {
            yield return ("--token-file", tokenFile.FullName);
        }

        if (callTimeout is not null && parse.GetResult(callTimeout) is { Implicit: false, Tokens: [{ } timeout] })
        {
            yield return ("--timeout", timeout.Value);
        }
    }

    /// <summary>
    /// The connection flags as the user gave them, for a hint's command line: copied, it reaches the same UCS the same
    /// way. Flags left out were not given (their defaults apply again). Never a secret: a token file by its path.
    /// </summary>
    public CliHints HintsFor(ParseResult parse, string? fleetId)
    {
        var flags = new List<(string Flag, string? Value)>();
        foreach (var option in new Option[] { Endpoint, Region, AllowHttp, Auth, TokenFile })
        {
            if (parse.GetResult(option) is { Implicit: false } given)
            {
                flags.Add(option is Option<bool> ? (option.Name, null) : (option.Name, option == TokenFile ? parse.GetValue(TokenFile)?.FullName : given.Tokens.FirstOrDefault()?.Value));
            }
        }

        return new CliHints(fleetId, flags);
    }

    /// <summary>The endpoint the flags name, checked before anything is sent.</summary>
    public Uri EndpointOf(ParseResult parse) => EndpointOf(parse.GetValue(Endpoint), parse.GetValue(Region));

    /// <summary>The endpoint <c>--endpoint</c> (<paramref name="text"/>) or <c>--region</c> names, checked before anything is sent.</summary>
    public static Uri EndpointOf(string? text, string? region)
    {
        if (text is null)
        {
            return region == "intl" ? UcsEndpoints.International : UcsEndpoints.ChineseMainland;
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
        var credentials = await CredentialsResolver.ResolveAsync(parse.GetValue(Auth), parse.GetValue(TokenFile), console.Environment, cancellationToken, new CliRetryLog(console)).ConfigureAwait(false);
        return Create(endpoint, parse.GetValue(AllowHttp), credentials, CallTimeout(parse), console, parse.GetValue(Verbose));
    }

    public static FleetClient Create(Uri endpoint, bool allowHttp, Client.Authentication.FleetCredentials credentials, TimeSpan timeout, CliConsole console, bool verbose = false)
    {
        try
        {
            return new FleetClient(new FleetClientOptions
            {
                Endpoint = endpoint,
                AllowHttp = allowHttp,
                Credentials = credentials,
                Timeout = timeout,
                LoggerFactory = new CliRetryLog(console),
                Transport = verbose ? new CliVerboseTransport(console) : null,
            });
        }
        catch (FleetClientOptionsException e)
        {
            throw new CliException(ExitCodes.Usage, string.Join("; ", e.Violations.Select(v => v.Option == nameof(FleetClientOptions.Endpoint) ? EndpointProblem(endpoint, allowHttp, v.Problem) : v.ToString())));
        }
    }

    /// <summary>What is wrong with --endpoint, in the command's terms (flags, not library options).</summary>
    private static string EndpointProblem(Uri endpoint, bool allowHttp, string libraryProblem) =>
        endpoint.Scheme == Uri.UriSchemeHttp
            ? endpoint.IsLoopback && !allowHttp
                ? $"--endpoint: {SafeText.OneLine(endpoint.ToString())} is http; pass --allow-http to use http on a loopback address (testing only)"
                : $"--endpoint: {SafeText.OneLine(endpoint.ToString())} is http; only https is allowed (http only on a loopback address, with --allow-http)"
            : $"--endpoint: {libraryProblem}";
}
