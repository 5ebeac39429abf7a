namespace FleetGen.Client.Authentication;

/// <summary>An IAM token, sent as <c>X-Auth-Token</c> on every request; fixed, or from a provider that can refresh it.</summary>
public sealed class TokenCredentials : FleetCredentials
{
    private readonly Func<CancellationToken, ValueTask<string>> provider;

    /// <summary>A fixed token.</summary>
    public TokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var fixedToken = ValueTask.FromResult(CredentialValue.Checked(token, nameof(token)));
        provider = _ => fixedToken;
    }

    /// <summary>A token asked for before every request (and every retry), so the provider can cache and refresh it.</summary>
    public TokenCredentials(Func<CancellationToken, ValueTask<string>> provider)
    {
        this.provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    internal ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var pending = provider(cancellationToken);
        return pending.IsCompletedSuccessfully ? Checked(pending.Result) : CheckedAsync(pending);
    }

    private static async ValueTask<string> CheckedAsync(ValueTask<string> pending) => await Checked(await pending.ConfigureAwait(false)).ConfigureAwait(false);

    private static ValueTask<string> Checked(string token) =>
        string.IsNullOrWhiteSpace(token) ? ValueTask.FromException<string>(new InvalidOperationException("The token provider returned an empty token."))
        : CredentialValue.Problem(token) is { } problem ? ValueTask.FromException<string>(new InvalidOperationException($"The token provider returned a token that {problem}; nothing was sent."))
        : ValueTask.FromResult(token);

    /// <inheritdoc />
    public override string ToString() => "TokenCredentials (token redacted)";
}
