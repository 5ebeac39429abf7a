namespace FleetGen.Client.Http;

/// <summary>The headers that carry credentials or take part in a signature: never copied to another request, never logged.</summary>
internal static class CredentialHeaders
{
    public const string AuthToken = "X-Auth-Token";
    public const string SecurityToken = "X-Security-Token";
    public const string DomainId = "X-Domain-Id";

    public static readonly IReadOnlyList<string> All = Array.AsReadOnly<string>(
        [AuthToken, "Authorization", SecurityToken, Authentication.AkSkSigner.DateHeader, DomainId, "Cookie", "Proxy-Authorization"]);

    public static bool Contains(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
