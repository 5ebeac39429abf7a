using System.Text;
using FleetGen.Client.Credentials;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Credentials;

/// <summary>
/// The JSON that other programs read keeps its bytes now that the source generator writes it: kubectl reads the
/// ExecCredential, and cache files written by earlier versions are read back (names, order, escapes, indentation).
/// </summary>
public sealed class CredentialJsonBytesTests
{
    private const string Certificate = "-----BEGIN CERTIFICATE-----\nMIIB+x/y=\n-----END CERTIFICATE-----\n";
    private const string Key = "-----BEGIN PRIVATE KEY-----\nMC4+AQ<&>'\"\n-----END PRIVATE KEY-----\n";

    private static readonly FederationClientCredential Credential = new(
        Certificate, Key, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_ExecCredential_is_one_line_with_kubectl_s_field_names_in_order()
    {
        var json = Credential.ToExecCredentialJson(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), "client.authentication.k8s.io/v1beta1");

        Assert.Equal(
            """{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\nMIIB\u002Bx/y=\n-----END CERTIFICATE-----\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\nMC4\u002BAQ\u003C\u0026\u003E\u0027\u0022\n-----END PRIVATE KEY-----\n","expirationTimestamp":"2026-01-10T00:00:00Z"}}""",
            json);
    }

    [Fact]
    public void The_cache_file_is_indented_with_its_fields_in_order()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "cache.json");

        CredentialCacheFile.Write(file, new Uri("https://ucs.example.com/"), "fleet-1", Credential, CancellationToken.None);

        Assert.Equal(
            """
            {
              "kind": "FleetGenCredentialCache",
              "version": 1,
              "endpoint": "https://ucs.example.com",
              "fleet": "fleet-1",
              "notBefore": "2026-01-01T00:00:00Z",
              "notAfter": "2026-01-11T00:00:00Z",
              "clientCertificateData": "-----BEGIN CERTIFICATE-----\nMIIB\u002Bx/y=\n-----END CERTIFICATE-----\n",
              "clientKeyData": "-----BEGIN PRIVATE KEY-----\nMC4\u002BAQ\u003C\u0026\u003E\u0027\u0022\n-----END PRIVATE KEY-----\n"
            }
            """.ReplaceLineEndings("\n"),
            Encoding.UTF8.GetString(File.ReadAllBytes(file)));
    }
}
