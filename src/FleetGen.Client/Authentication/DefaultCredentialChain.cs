using System.Globalization;
using FleetGen.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Authentication;

/// <summary>
/// The credentials of the official Huawei Cloud SDKs' default chain, preceded by <c>UCS_AUTH_TOKEN</c>. At the first
/// request the sources are asked in order (<c>UCS_AUTH_TOKEN</c>, the <c>HUAWEICLOUD_SDK_*</c> environment, the profile
/// file, ECS metadata, CCE Pod Identity); the first that yields credentials serves from then on, and a source that has
/// nothing, or is broken, is skipped with its reason kept for the error. Temporary credentials are renewed from the same
/// source before they expire (when less than 40 minutes remain), one renewal at a time; AK/SK without an account
/// (domain) id get it looked up once. Create it with <see cref="FleetCredentials.Default"/>; one instance per client.
/// </summary>
public sealed class DefaultCredentialChain : FleetCredentials
{
    /// <summary>How long before expiry temporary credentials are renewed, as the official SDKs do.</summary>
    public static TimeSpan RenewBefore { get; } = TimeSpan.FromMinutes(40);

    private static readonly TimeSpan RetryRenewalAfter = TimeSpan.FromMinutes(1);

    private readonly ChainContext context;
    private readonly CredentialSource[] sources;
    private readonly DomainIdLookup domains;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Held? held;
    private int announced;

    internal DefaultCredentialChain(DefaultCredentialChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        context = new ChainContext(options.Checked());
        sources = [new TokenVariableSource(context), new EnvironmentSource(context), new ProfileFileSource(context), new MetadataSource(context), new PodIdentitySource(context)];
        domains = new DomainIdLookup(context);
    }

    /// <summary>Finds the credentials now rather than at the first request (a command line tool that reports errors before it starts, say).</summary>
    /// <exception cref="FleetCredentialsException">No source yielded credentials (the message says why for each), or the account id could not be looked up.</exception>
    public async Task ResolveAsync(ILogger? logger = null, CancellationToken cancellationToken = default) =>
        await CurrentAsync(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The credentials to send now: a <see cref="TokenCredentials"/> or <see cref="AkSkCredentials"/>. The first real
    /// logger that asks learns which source serves (credentials resolved early, without one, are announced then).
    /// </summary>
    internal async ValueTask<FleetCredentials> CurrentAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var credentials = await HeldAsync(logger, cancellationToken).ConfigureAwait(false);
        if (logger != Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance && held is { } served && Interlocked.Exchange(ref announced, 1) == 0)
        {
            CredentialChainLog.Served(logger, served.Credential.Credentials.ToString()!, served.Credential.Origin, Expiry(served.Credential));
        }

        return credentials;
    }

    private async ValueTask<FleetCredentials> HeldAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (held is { } fresh && !fresh.NeedsRenewal(context.Options.TimeProvider.GetUtcNow()))
        {
            return fresh.Credential.Credentials;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = context.Options.TimeProvider.GetUtcNow();
            var current = held;
            if (current is not null && !current.NeedsRenewal(now))
            {
                return current.Credential.Credentials;
            }

            held = current is null ? await FirstAsync(logger, cancellationToken).ConfigureAwait(false) : await RenewAsync(current, now, logger, cancellationToken).ConfigureAwait(false);
            return held.Credential.Credentials;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => held is { } current
        ? $"DefaultCredentialChain ({current.Credential}{Expiry(current.Credential)})"
        : "DefaultCredentialChain (not resolved yet)";

    private static string Expiry(SourceCredential credential) =>
        credential.ExpiresAt is { } at ? string.Create(CultureInfo.InvariantCulture, $", expires {at:yyyy-MM-dd'T'HH:mm:ss'Z'}") : string.Empty;

    private async Task<Held> FirstAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var source in sources)
        {
            var outcome = await FetchAsync(source, cancellationToken).ConfigureAwait(false);
            if (outcome.Credential is { } credential)
            {
                var served = await WithDomainIdAsync(credential, null, logger, cancellationToken).ConfigureAwait(false);
                return Held.Of(served, context.Options.TimeProvider.GetUtcNow(), source);
            }

            reasons.Add($"{source.Name}: {outcome.Reason}");
        }

        throw new FleetCredentialsException(
            FleetCredentialProblem.NotFound,
            $"No credentials found; tried in order: {string.Join("; ", reasons)}. Set {TokenVariable}, or {AccessKeyVariable} and {SecretKeyVariable}, or write ak and sk in the [global] section of ~/.huaweicloud/credentials.");
    }

    private async Task<Held> RenewAsync(Held current, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        var outcome = await FetchAsync(current.Source, cancellationToken).ConfigureAwait(false);
        if (outcome.Credential is { } credential)
        {
            var renewed = await WithDomainIdAsync(credential, current.DomainId, logger, cancellationToken).ConfigureAwait(false);
            CredentialChainLog.Renewed(logger, renewed.Origin, Expiry(renewed));
            return Held.Of(renewed, context.Options.TimeProvider.GetUtcNow(), current.Source);
        }

        if (current.Credential.ExpiresAt is { } expiresAt && now < expiresAt)
        {
            CredentialChainLog.RenewalFailed(logger, current.Credential.Origin, outcome.Reason!, expiresAt);
            return current with { RenewAt = Min(now + RetryRenewalAfter, expiresAt) };
        }

        throw new FleetCredentialsException(FleetCredentialProblem.Unavailable, $"The credentials from {current.Credential.Origin} expired and could not be renewed: {outcome.Reason}.");
    }

    /// <summary>Asks a source, turning every failure it can meet, and credentials that have expired already, into its reason.</summary>
    private async Task<SourceOutcome> FetchAsync(CredentialSource source, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await source.FetchAsync(cancellationToken).ConfigureAwait(false);
            return outcome.Credential is { ExpiresAt: { } expiresAt } && expiresAt <= context.Options.TimeProvider.GetUtcNow()
                ? SourceOutcome.Nothing(string.Create(CultureInfo.InvariantCulture, $"the credentials it gave expired at {expiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}"))
                : outcome;
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidDataException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return SourceOutcome.Nothing(SafeText.OneLine(e.Message));
        }
    }

    /// <summary>AK/SK with the account (domain) id: their own, the one found before for this chain's source, or looked up now.</summary>
    private async Task<SourceCredential> WithDomainIdAsync(SourceCredential credential, string? known, ILogger logger, CancellationToken cancellationToken)
    {
        if (credential.Credentials is not AkSkCredentials { DomainId: null } aksk)
        {
            return credential;
        }

        if (known is not null)
        {
            return credential with { Credentials = aksk.WithDomainId(known) };
        }

        var (domainId, problem) = await domains.FindAsync(aksk, credential.IamEndpoint, cancellationToken).ConfigureAwait(false);
        if (domainId is null)
        {
            throw new FleetCredentialsException(
                FleetCredentialProblem.Unavailable,
                $"The credentials from {credential.Origin} carry no account (domain) id, and looking it up failed: {problem}. Set {DomainIdVariable} (or domain_id in the profile file).");
        }

        CredentialChainLog.DomainFound(logger, credential.IamEndpoint.GetLeftPart(UriPartial.Authority));
        return credential with { Credentials = aksk.WithDomainId(domainId) };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// What the chain holds: the credentials, the source that renews them, and when to renew (<c>null</c>: never). The
    /// renewal time is <see cref="RenewBefore"/> before expiry, or half their life when they were given for less, so that
    /// short-lived credentials are not fetched again for every request.
    /// </summary>
    private sealed record Held(SourceCredential Credential, CredentialSource Source, DateTimeOffset? RenewAt)
    {
        public string? DomainId => (Credential.Credentials as AkSkCredentials)?.DomainId;

        public static Held Of(SourceCredential credential, DateTimeOffset now, CredentialSource source)
        {
            if (credential.ExpiresAt is not { } expiresAt)
            {
                return new Held(credential, source, null);
            }

            var lead = expiresAt - now < RenewBefore * 2 ? (expiresAt - now) / 2 : RenewBefore;
            return new Held(credential, source, expiresAt - lead);
        }

        public bool NeedsRenewal(DateTimeOffset now) => RenewAt is { } at && now >= at;
    }
}
