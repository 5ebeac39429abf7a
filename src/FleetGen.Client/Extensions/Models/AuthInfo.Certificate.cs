using System.Text;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class AuthInfo
{
    /// <summary>When the client certificate stops being valid; <c>null</c> when there is none or it cannot be read.</summary>
    public DateTimeOffset? GetClientCertificateExpiry()
    {
        if (string.IsNullOrEmpty(ClientCertificateData))
        {
            return null;
        }

        try
        {
            return PemText.TryReadCertificate(Encoding.UTF8.GetString(Convert.FromBase64String(ClientCertificateData)), out var notAfter) ? notAfter : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
