using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class AuthInfo
{
    /// <summary>When the client certificate stops being valid; <c>null</c> when there is none or it cannot be read.</summary>
    public DateTimeOffset? GetClientCertificateExpiry() =>
        PemText.FromBase64Field(ClientCertificateData) is { } pem && PemText.TryReadCertificate(pem, out var notAfter) ? notAfter : null;
}
