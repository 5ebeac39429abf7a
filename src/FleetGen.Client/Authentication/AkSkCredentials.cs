namespace FleetGen.Client.Authentication;

/// <summary>
/// An access key and secret key for SDK-HMAC-SHA256 request signing, with the security token of temporary
/// credentials and the account (domain) id when given.
/// </summary>
public sealed class AkSkCredentials : FleetCredentials
{
    /// <summary>Creates AK/SK credentials.</summary>
    public AkSkCredentials(string accessKey, string secretKey, string? securityToken = null, string? domainId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        AccessKey = CredentialValue.Checked(accessKey, nameof(accessKey));
        SecretKey = System.Text.Encoding.UTF8.GetBytes(CredentialValue.Checked(secretKey, nameof(secretKey)));
        SecurityToken = string.IsNullOrWhiteSpace(securityToken) ? null : CredentialValue.Checked(securityToken, nameof(securityToken));
        DomainId = string.IsNullOrWhiteSpace(domainId) ? null : CredentialValue.Checked(domainId, nameof(domainId));
    }

    private AkSkCredentials(string accessKey, byte[] secretKey, string? securityToken, string domainId)
    {
        AccessKey = accessKey;
        SecretKey = secretKey;
        SecurityToken = securityToken;
        DomainId = CredentialValue.Checked(domainId, nameof(domainId));
    }

    internal string AccessKey { get; }

    /// <summary>The secret key as UTF-8, the HMAC key.</summary>
    internal byte[] SecretKey { get; }

    internal string? SecurityToken { get; }

    /// <summary>The account (domain) id sent as <c>X-Domain-Id</c>; UCS is a global service.</summary>
    public string? DomainId { get; }

    /// <summary>These credentials with the account (domain) id looked up for them.</summary>
    internal AkSkCredentials WithDomainId(string domainId) => new(AccessKey, SecretKey, SecurityToken, domainId);

    /// <inheritdoc />
    public override string ToString() =>
        $"AkSkCredentials (keys redacted{(SecurityToken is null ? string.Empty : ", temporary")}{(DomainId is null ? string.Empty : $", domain {DomainId}")})";
}
