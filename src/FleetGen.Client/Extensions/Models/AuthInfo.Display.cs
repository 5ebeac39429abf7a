using System.Diagnostics;

namespace FleetGen.Client.Models;

[DebuggerDisplay("{ToString(),nq}")]
public partial class AuthInfo
{
    /// <summary>Says which credentials the user carries, never their values.</summary>
    public override string ToString() =>
        $"AuthInfo client-certificate-data: {Presence(ClientCertificateData)}; client-key-data: {Presence(ClientKeyData)}; token: {Presence(Token)}";

    private static string Presence(string? value) => string.IsNullOrEmpty(value) ? "none" : "(redacted)";
}
