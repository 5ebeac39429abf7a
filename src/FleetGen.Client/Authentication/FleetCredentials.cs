namespace FleetGen.Client.Authentication;

/// <summary>How requests to UCS are authenticated: an IAM token (<see cref="TokenCredentials"/>), AK/SK signing (<see cref="AkSkCredentials"/>), or whichever the <see cref="DefaultCredentialChain"/> finds.</summary>
public abstract class FleetCredentials
{
    /// <summary>The variable holding an IAM token.</summary>
    public const string TokenVariable = "UCS_AUTH_TOKEN";

    /// <summary>The variable holding the access key, as the official Huawei Cloud SDKs name it.</summary>
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

    /// <summary>The variable holding the secret key.</summary>
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

    /// <summary>The variable holding the security token of temporary credentials.</summary>
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    /// <summary>The variable holding the account (domain) id.</summary>
    public const string DomainIdVariable = "HUAWEICLOUD_SDK_DOMAIN_ID";

    private protected FleetCredentials()
    {
    }

    /// <summary>
    /// The credentials of the official Huawei Cloud SDKs' default chain, preceded by <c>UCS_AUTH_TOKEN</c>: the first of
    /// <c>UCS_AUTH_TOKEN</c>, the environment (<c>HUAWEICLOUD_SDK_*</c>), the profile file, ECS instance metadata and CCE
    /// Pod Identity that yields credentials, found at the first request and renewed before temporary ones expire.
    /// </summary>
    /// <param name="options">Where each source looks; default: the process environment and the real addresses.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static DefaultCredentialChain Default(DefaultCredentialChainOptions? options = null) => new(options ?? new DefaultCredentialChainOptions());

    /// <summary>
    /// Credentials from the environment: a token from <c>UCS_AUTH_TOKEN</c>, or AK/SK from <c>HUAWEICLOUD_SDK_AK</c> and
    /// <c>HUAWEICLOUD_SDK_SK</c> (with <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c> and <c>HUAWEICLOUD_SDK_DOMAIN_ID</c> when set).
    /// </summary>
    /// <param name="kind">Which kind to use when both are set; required then.</param>
    /// <exception cref="FleetCredentialsException">Neither kind is set, only half of AK/SK is, both kinds are set and <paramref name="kind"/> is not given, or a variable holds a character a header cannot carry.</exception>
    public static FleetCredentials FromEnvironment(FleetCredentialKind? kind = null) => FromEnvironment(Environment.GetEnvironmentVariable, kind);

    /// <summary>As <see cref="FromEnvironment(FleetCredentialKind?)"/>, reading the variables through <paramref name="variable"/> (e.g. from configuration).</summary>
    public static FleetCredentials FromEnvironment(Func<string, string?> variable, FleetCredentialKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Value(string name) => variable(name) is { Length: > 0 } value && value.Trim() is { Length: > 0 } trimmed
            ? CredentialValue.Problem(trimmed) is { } problem ? throw new FleetCredentialsException(FleetCredentialProblem.Unsendable, $"{name} {problem}; nothing was sent.") : trimmed
            : null;

        var token = Value(TokenVariable);
        var (accessKey, secretKey) = (Value(AccessKeyVariable), Value(SecretKeyVariable));
        if ((accessKey is null) != (secretKey is null))
        {
            throw new FleetCredentialsException(FleetCredentialProblem.Incomplete, $"Only one of {AccessKeyVariable} and {SecretKeyVariable} is set: AK/SK signing needs both.");
        }

        var hasAkSk = accessKey is not null;
        var chosen = kind ?? (token is not null && hasAkSk
            ? throw new FleetCredentialsException(FleetCredentialProblem.Ambiguous, $"Both {TokenVariable} and {AccessKeyVariable}/{SecretKeyVariable} are set: choose one kind of credentials.")
            : token is not null ? FleetCredentialKind.Token
            : hasAkSk ? FleetCredentialKind.AkSk
            : throw new FleetCredentialsException(FleetCredentialProblem.Missing, $"No credentials: set {TokenVariable}, or {AccessKeyVariable} and {SecretKeyVariable}."));

        return chosen switch
        {
            FleetCredentialKind.Token => new TokenCredentials(token ?? throw new FleetCredentialsException(FleetCredentialProblem.ChosenKindMissing, $"Token credentials were chosen but {TokenVariable} is not set.")),
            _ => new AkSkCredentials(
                accessKey ?? throw new FleetCredentialsException(FleetCredentialProblem.ChosenKindMissing, $"AK/SK credentials were chosen but {AccessKeyVariable} and {SecretKeyVariable} are not set."),
                secretKey!,
                Value(SecurityTokenVariable),
                Value(DomainIdVariable)),
        };
    }
}

/// <summary>The two kinds of UCS credentials.</summary>
public enum FleetCredentialKind
{
    /// <summary>An IAM token in <c>X-Auth-Token</c>.</summary>
    Token,

    /// <summary>SDK-HMAC-SHA256 signing with an access key and a secret key.</summary>
    AkSk,
}
