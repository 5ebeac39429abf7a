namespace FleetGen.Client.Authentication;

/// <summary>Where the sources of a <see cref="DefaultCredentialChain"/> look; read once, when the chain is created.</summary>
public sealed class DefaultCredentialChainOptions
{
    /// <summary>The ECS metadata address of the official SDKs.</summary>
    public static Uri DefaultMetadataEndpoint { get; } = new("http://169.254.169.254");

    /// <summary>The IAM endpoint used when neither the credentials nor <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> name one.</summary>
    public static Uri DefaultIamEndpoint { get; } = new("https://iam.myhuaweicloud.com");

    /// <summary>The longest timeout an option may give: 1 minute.</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Reads an environment variable. Default: the process environment.</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The profile file. Default: <c>$HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>, else <c>~/.huaweicloud/credentials</c>.</summary>
    public string? ProfilePath { get; set; }

    /// <summary>The ECS metadata service (scheme, host and port). Default: <see cref="DefaultMetadataEndpoint"/>.</summary>
    public Uri MetadataEndpoint { get; set; } = DefaultMetadataEndpoint;

    /// <summary>
    /// The IAM endpoint for OIDC exchanges and the account (domain) id lookup, before any the credentials or
    /// <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> name. https, or http on a loopback address. Default: none (then theirs, else
    /// <see cref="DefaultIamEndpoint"/>).
    /// </summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>The handler the sources send with (a proxy, or a test's). It is not disposed. Default: a handler of the chain's own.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>How long one request to the metadata service may take. Default: 3 s, as the official SDKs.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one request to Pod Identity or IAM may take. Default: 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock that tells when temporary credentials expire. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal DefaultCredentialChainOptions Checked()
    {
        var problems = Problems();
        return problems.Count > 0
            ? throw new ArgumentException($"DefaultCredentialChainOptions: {string.Join("; ", problems)}.")
            : new DefaultCredentialChainOptions
            {
                Environment = Environment!,
                ProfilePath = ProfilePath,
                MetadataEndpoint = MetadataEndpoint!,
                IamEndpoint = IamEndpoint,
                Transport = Transport,
                MetadataTimeout = MetadataTimeout,
                RequestTimeout = RequestTimeout,
                TimeProvider = TimeProvider ?? TimeProvider.System,
            };
    }

    /// <summary>Each option that breaks a rule, as <c>Option: rule</c>.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (Environment is null)
        {
            problems.Add("Environment: required");
        }

        if (ProfilePath is not null && (string.IsNullOrWhiteSpace(ProfilePath) || ProfilePath.Any(char.IsControl)))
        {
            problems.Add("ProfilePath: must be a file path, not blank and without control characters");
        }

        if (MetadataEndpoint is not { IsAbsoluteUri: true } || MetadataEndpoint.Scheme is not ("http" or "https")
            || MetadataEndpoint.AbsolutePath != "/" || MetadataEndpoint.Query.Length > 0 || MetadataEndpoint.UserInfo.Length > 0)
        {
            problems.Add("MetadataEndpoint: must be an http or https URL of a host alone");
        }

        if (IamEndpoint is not null && IamEndpointRule.Problem(IamEndpoint) is { } iam)
        {
            problems.Add($"IamEndpoint: {iam}");
        }

        foreach (var (name, value) in new[] { (nameof(MetadataTimeout), MetadataTimeout), (nameof(RequestTimeout), RequestTimeout) })
        {
            if (value <= TimeSpan.Zero || value > MaxTimeout)
            {
                problems.Add($"{name}: {value} must be positive and at most {MaxTimeout}");
            }
        }

        return problems;
    }
}
