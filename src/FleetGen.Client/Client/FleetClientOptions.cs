using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using FleetGen.Client.Authentication;

namespace FleetGen.Client;

/// <summary>Settings of a <see cref="FleetClient"/>; read once, when the client is created.</summary>
public sealed class FleetClientOptions
{
    /// <summary>The UCS endpoint: <see cref="UcsEndpoints.ChineseMainland"/> (default), <see cref="UcsEndpoints.International"/>, or any https URL of another cloud.</summary>
    public Uri Endpoint { get; set; } = UcsEndpoints.ChineseMainland;

    /// <summary>
    /// The credentials: <see cref="TokenCredentials"/>, <see cref="AkSkCredentials"/>, <see cref="FleetCredentials.FromEnvironment(FleetCredentialKind?)"/>
    /// or a <see cref="DefaultCredentialChain"/>. Default: <see cref="FleetCredentials.Default"/> (<c>UCS_AUTH_TOKEN</c>, then the
    /// official SDKs' chain: environment, profile file, ECS metadata, CCE Pod Identity), asked at the first request.
    /// </summary>
    public FleetCredentials? Credentials { get; set; }

    /// <summary>
    /// Where the default chain looks when <see cref="Credentials"/> is not set (the environment it reads, the profile
    /// path, the metadata and IAM endpoints). Default: the process environment, the official addresses and this
    /// client's <see cref="TimeProvider"/>.
    /// </summary>
    public DefaultCredentialChainOptions? CredentialChain { get; set; }

    /// <summary>
    /// How long one call may take, retries included: at most <see cref="MaxCallDuration"/> (1 hour), or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit. Default: 100 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The longest duration a call's options may give: <see cref="Timeout"/> and every duration of <see cref="Retry"/>
    /// (its attempt timeout, delays and the longest <c>Retry-After</c> honoured): 1 hour. A call that has not ended in
    /// an hour is hung, not slow; a longer wait belongs to a federation job (<see cref="FederationWaitOptions"/>).
    /// </summary>
    public static TimeSpan MaxCallDuration { get; } = TimeSpan.FromHours(1);

    /// <summary>Which failures are retried, and how long to wait.</summary>
    public FleetRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The largest success body accepted, in bytes, counted after decompression; a larger answer raises
    /// <see cref="UcsApiException"/> without being read further. Default: 1 MiB, far above a kubeconfig.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>The default of <see cref="MaxResponseBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 1024 * 1024;

    /// <summary>How many redirects to follow. Credentials never go along to another origin. Default: 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Allows an <c>http://</c> endpoint on a loopback address, for tests against a local server. Default: false.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// The innermost handler that sends requests (e.g. one with a proxy); FleetGen's handlers run before it and it is
    /// not disposed with the client. Automatic redirects are switched off on it. Default: a <see cref="SocketsHttpHandler"/>.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>
    /// Where FleetGen logs (category <c>FleetGen.Client</c>): each attempt at Debug, each retry decision at Information, retries
    /// that ran out as a warning. Default: no logging; with <c>AddFleetClient</c>, the container's <see cref="ILoggerFactory"/>.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Creates the <c>FleetGen.Client</c> meter (<c>ucs.client.operation.duration</c>, <c>ucs.client.retries</c>). Default: a
    /// meter of the client's own; with <c>AddFleetClient</c>, the container's <see cref="IMeterFactory"/>.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>The clock for AK/SK signing dates, retry waits, timeouts and whether a received client certificate has expired. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The folder of the lock files that let one process at a time on this machine read a fleet's connection, decide
    /// and create it (<see cref="FleetClient.EnsureFederationConnectionAsync"/>, <see cref="FleetClient.GetFederationKubeconfigAsync"/>):
    /// created 0700 when missing, and like the credential cache's folder refused when it is not this user's.
    /// Default: the credential cache's folder (<see cref="Credentials.FederationCredentialCache.DefaultDirectory()"/>).
    /// </summary>
    public string? LockDirectory { get; set; }

    internal FleetClientOptions Checked()
    {
        var problems = new List<string>();
        if (LockDirectory is not null && (string.IsNullOrWhiteSpace(LockDirectory) || LockDirectory.Any(char.IsControl)))
        {
            problems.Add("LockDirectory: must be a folder path, not blank and without control characters");
        }

        if (Endpoint is not { IsAbsoluteUri: true })
        {
            problems.Add("Endpoint: must be an absolute URL");
        }
        else if (Endpoint.UserInfo.Length > 0)
        {
            problems.Add($"Endpoint: {Shown(Endpoint)} must not carry user information (\"user@\" before the host); credentials go in Credentials");
        }
        else if (Endpoint.Scheme == Uri.UriSchemeHttp && !(AllowHttp && Endpoint.IsLoopback))
        {
            problems.Add($"Endpoint: {Shown(Endpoint)} is http; only https is allowed, except on a loopback address with AllowHttp = true");
        }
        else if (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"Endpoint: {Shown(Endpoint)} must be an https URL");
        }
        else if (Endpoint.AbsolutePath != "/" || Endpoint.Query.Length > 0 || Endpoint.Fragment.Length > 0)
        {
            problems.Add($"Endpoint: {Shown(Endpoint)} must be the host alone (UCS paths start at /v1)");
        }

        if ((Timeout <= TimeSpan.Zero || Timeout > MaxCallDuration) && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"Timeout: {Timeout} must be positive and at most {MaxCallDuration} (FleetClientOptions.MaxCallDuration), or Timeout.InfiniteTimeSpan for no limit");
        }

        if (MaxResponseBodySize <= 0 || MaxResponseBodySize > int.MaxValue)
        {
            problems.Add($"MaxResponseBodySize: {MaxResponseBodySize} must be between 1 and {int.MaxValue}");
        }

        if (MaxRedirects < 0)
        {
            problems.Add($"MaxRedirects: {MaxRedirects} must be 0 or more");
        }

        problems.AddRange((Retry ?? throw new ArgumentException("Retry: required", nameof(Retry))).Problems());
        var chainProblems = CredentialChain?.Problems() ?? [];
        problems.AddRange(chainProblems.Select(p => $"CredentialChain.{p}"));
        var chain = Credentials is null && chainProblems.Count == 0
            ? FleetCredentials.Default(CredentialChain ?? new DefaultCredentialChainOptions { TimeProvider = TimeProvider ?? TimeProvider.System })
            : null;

        return problems.Count == 0
            ? new FleetClientOptions
            {
                Endpoint = Endpoint!,
                Credentials = Credentials ?? chain,
                CredentialChain = CredentialChain,
                Timeout = Timeout,
                Retry = Retry.Copy(),
                MaxRedirects = MaxRedirects,
                MaxResponseBodySize = MaxResponseBodySize,
                AllowHttp = AllowHttp,
                Transport = Transport,
                LoggerFactory = LoggerFactory,
                MeterFactory = MeterFactory,
                TimeProvider = TimeProvider ?? TimeProvider.System,
                LockDirectory = LockDirectory,
            }
            : throw new FleetClientOptionsException(problems.Select(FleetOptionViolation.Parse).ToList());
    }

    /// <inheritdoc />
    public override string ToString() => $"FleetClientOptions {Shown(Endpoint)} with {Credentials?.ToString() ?? "no credentials"}";

    /// <summary>An endpoint as it may be shown: without user information, which can hold a password.</summary>
    private static string Shown(Uri? endpoint) => endpoint switch
    {
        null => "(none)",
        { IsAbsoluteUri: true } => SafeText.OneLine(endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped)),
        _ => SafeText.OneLine(endpoint.OriginalString),
    };
}
