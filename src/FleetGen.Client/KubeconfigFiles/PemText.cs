using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>What a kubeconfig's PEM fields hold, read by the platform: the first PEM block (<see cref="PemEncoding"/>) and its certificate.</summary>
internal static class PemText
{
    /// <summary>The PEM text a kubeconfig's base64 field (<c>client-certificate-data</c>, <c>client-key-data</c>) holds; <c>null</c> when it is empty or not base64.</summary>
    public static string? FromBase64Field(string? base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="pem"/>'s first block is a <c>CERTIFICATE</c> holding an X.509 certificate; gives its end of validity.</summary>
    public static bool TryReadCertificate(string pem, out DateTimeOffset notAfter) => TryReadValidity(pem, out _, out notAfter);

    /// <summary>Whether <paramref name="pem"/>'s first block is a <c>CERTIFICATE</c> holding an X.509 certificate; gives its validity.</summary>
    public static bool TryReadValidity(string pem, out DateTimeOffset notBefore, out DateTimeOffset notAfter)
    {
        notBefore = default;
        notAfter = default;
        if (!PemEncoding.TryFind(pem, out var fields) || !pem.AsSpan()[fields.Label].SequenceEqual("CERTIFICATE"))
        {
            return false;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data]));
            notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="pem"/>'s first block is a private key (<c>PRIVATE KEY</c>, <c>EC PRIVATE KEY</c>, <c>RSA PRIVATE KEY</c>).</summary>
    public static bool IsPrivateKey(string pem) =>
        PemEncoding.TryFind(pem, out var fields) && pem.AsSpan()[fields.Label].EndsWith("PRIVATE KEY", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="pem"/>'s first block is labelled <c>CERTIFICATE</c> (its base64 checked by <see cref="PemEncoding"/>; the certificate itself is not parsed).</summary>
    public static bool IsCertificateBlock(string pem) =>
        PemEncoding.TryFind(pem, out var fields) && pem.AsSpan()[fields.Label].SequenceEqual("CERTIFICATE");

    /// <summary>Whether <paramref name="keyPem"/> is the private key of the certificate in <paramref name="certificatePem"/>, as the platform pairs them.</summary>
    public static bool IsKeyOf(string certificatePem, string keyPem)
    {
        try
        {
            using var pair = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            return pair.HasPrivateKey;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
