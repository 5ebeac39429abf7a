namespace FleetGen.Client.Authentication;

/// <summary>One source of the default chain: it yields credentials, has none to offer, or is broken; the last two say why.</summary>
internal abstract class CredentialSource
{
    /// <summary>The source as the chain's error and log name it (variables, file path, address; never a secret).</summary>
    public abstract string Name { get; }

    /// <summary>Fetches the credentials again (a temporary credential's renewal asks the same source).</summary>
    public abstract Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken);
}

/// <summary>What a source gave: <see cref="Credential"/>, or the reason it gave nothing.</summary>
internal sealed record SourceOutcome(SourceCredential? Credential, string? Reason)
{
    public static SourceOutcome Found(SourceCredential credential) => new(credential, null);

    public static SourceOutcome Nothing(string reason) => new(null, reason);
}

/// <summary>
/// Credentials as a source yields them: what is sent, when temporary ones expire, the IAM endpoint that goes with them
/// (for the domain id lookup) and where they came from.
/// </summary>
internal sealed record SourceCredential(FleetCredentials Credentials, DateTimeOffset? ExpiresAt, Uri IamEndpoint, string Origin)
{
    /// <inheritdoc />
    public override string ToString() => $"{Credentials} from {Origin}";
}
