using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Tests.KubeconfigFiles;

/// <summary>The hand-written PEM reader finds the block that <see cref="PemEncoding"/> finds, or none where it finds none.</summary>
public sealed class PemBlockTests
{
    public static TheoryData<string> Texts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = new CertificateRequest("CN=pem", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1)).ExportCertificatePem();
        var privateKey = key.ExportPkcs8PrivateKeyPem();
        return new TheoryData<string>
        {
            certificate,
            privateKey,
            certificate.ReplaceLineEndings("\r\n"),
            "some text before\n" + certificate + "\nand after",
            privateKey + "\n" + certificate,
            "-----BEGIN CERTIFICATE-----\n" + certificate,
            certificate.Replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----", StringComparison.Ordinal),
            certificate.Replace("BEGIN CERTIFICATE", "BEGIN  CERTIFICATE", StringComparison.Ordinal),
            certificate.Replace("BEGIN CERTIFICATE", "BEGIN CERTIFICATE-", StringComparison.Ordinal),
            "x" + certificate,
            certificate.TrimEnd() + "x",
            certificate.Insert(40, "*"),
            "-----BEGIN X-----\n-----END X-----",
            "-----BEGIN A B-C-----\nAAAA\n-----END A B-C-----",
            "-----BEGIN CERTIFICATE-----",
            "not PEM at all",
            string.Empty,
        };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Finds_what_PemEncoding_finds(string text)
    {
        var expected = PemEncoding.TryFind(text, out var fields)
            ? (text[fields.Label], Convert.ToBase64String(Convert.FromBase64String(text[fields.Base64Data].ReplaceLineEndings(string.Empty))))
            : ((string, string)?)null;

        var actual = PemBlock.TryReadFirst(text, out var label, out var data) ? (label, Convert.ToBase64String(data)) : ((string, string)?)null;

        Assert.Equal(expected, actual);
    }
}
