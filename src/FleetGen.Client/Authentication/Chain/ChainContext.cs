namespace FleetGen.Client.Authentication;

/// <summary>What the sources of one chain share: its options, its HTTP client, the OIDC exchange and the variable names.</summary>
internal sealed class ChainContext
{
    public const string IdpIdVariable = "HUAWEICLOUD_SDK_IDP_ID";
    public const string IdTokenFileVariable = "HUAWEICLOUD_SDK_ID_TOKEN_FILE";
    public const string CredentialsFileVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    public const string IamEndpointVariable = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    public const string PodIdentityUriVariable = "HC_CONTAINER_CREDENTIALS_FULL_URI";
    public const string PodIdentityTokenFileVariable = "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    public ChainContext(DefaultCredentialChainOptions options)
    {
        Options = options;
        Http = new ChainHttp(options.Transport);
        Oidc = new OidcExchange(Http, options.RequestTimeout);
    }

    public DefaultCredentialChainOptions Options { get; }

    public ChainHttp Http { get; }

    public OidcExchange Oidc { get; }

    /// <summary>A variable's value, trimmed; <c>null</c> when unset or blank (empty means unset, as in the official SDKs).</summary>
    public string? Variable(string name) => Options.Environment(name) is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>
    /// The IAM endpoint for credentials: <see cref="DefaultCredentialChainOptions.IamEndpoint"/>, else the credential's own
    /// (<paramref name="own"/>, named <paramref name="ownName"/>), else <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>, else the default.
    /// </summary>
    public (Uri? Endpoint, string? Problem) Iam(string? own, string ownName)
    {
        if (Options.IamEndpoint is { } configured)
        {
            return (configured, null);
        }

        var (text, name) = own is { Length: > 0 } ? (own, ownName) : (Variable(IamEndpointVariable), IamEndpointVariable);
        if (text is null)
        {
            return (DefaultCredentialChainOptions.DefaultIamEndpoint, null);
        }

        var uri = IamEndpointRule.Parse(text);
        var problem = uri is null ? "is not a URL" : IamEndpointRule.Problem(uri);
        return problem is null ? (uri, null) : (null, $"{name}: {problem}");
    }
}
