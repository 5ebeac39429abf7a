using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetGen.Client.Models;

namespace FleetGen.Client.Credentials;

/// <summary>
/// A client certificate for a fleet's federation API server, with its private key: what an exec credential plugin
/// hands to kubectl. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class FederationClientCredential
{
    /// <summary>The least time a credential is used for before it is renewed, whatever its validity.</summary>
    public static readonly TimeSpan MinimumTimeLeft = TimeSpan.FromHours(1);

    /// <summary>The least part of its validity a credential has left when it is used; below it, it is renewed.</summary>
    public const double MinimumValidityLeft = 0.10;

    internal FederationClientCredential(string certificatePem, string privateKeyPem, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
        NotBefore = notBefore;
        NotAfter = notAfter;
    }

    /// <summary>The client certificate, PEM.</summary>
    public string CertificatePem { get; }

    /// <summary>The certificate's private key, PEM. A secret.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>When the certificate starts being valid.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>When the certificate stops being valid.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>
    /// From when the credential is renewed rather than used: when less than <see cref="MinimumValidityLeft"/> of its
    /// validity, or less than <see cref="MinimumTimeLeft"/>, is left.
    /// </summary>
    public DateTimeOffset RenewAt => NotAfter - TimeSpan.FromTicks(Math.Max((long)((NotAfter - NotBefore).Ticks * MinimumValidityLeft), MinimumTimeLeft.Ticks));

    /// <summary>Whether the credential is used rather than renewed at <paramref name="now"/>.</summary>
    public bool IsFreshAt(DateTimeOffset now) => now < RenewAt;

    /// <summary>
    /// The <c>ExecCredential</c> kubectl reads from an exec credential plugin (<see cref="Kubeconfig.ExecCredentialApiVersion"/>):
    /// the certificate and key, and as <c>expirationTimestamp</c> the time kubectl should ask again:
    /// <see cref="RenewAt"/>, or <see cref="NotAfter"/> once that has passed.
    /// </summary>
    public string ToExecCredentialJson(DateTimeOffset now) => ToExecCredentialJson(now, Kubeconfig.ExecCredentialApiVersion);

    /// <summary>The <c>ExecCredential</c> as <see cref="ToExecCredentialJson(DateTimeOffset)"/>, in the <c>apiVersion</c> kubectl asked for.</summary>
    /// <param name="now">The time that decides <c>expirationTimestamp</c>.</param>
    /// <param name="apiVersion"><c>client.authentication.k8s.io/v1</c> or <c>client.authentication.k8s.io/v1beta1</c> (the same fields).</param>
    /// <exception cref="ArgumentException">Another apiVersion.</exception>
    public string ToExecCredentialJson(DateTimeOffset now, string apiVersion)
    {
        if (!Kubeconfig.ExecCredentialApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            throw new ArgumentException($"apiVersion: \"{SafeText.OneLine(apiVersion)}\" is not one of {string.Join(", ", Kubeconfig.ExecCredentialApiVersions)}.", nameof(apiVersion));
        }

        var status = new ExecCredentialStatus(CertificatePem, PrivateKeyPem, Rfc3339(IsFreshAt(now) ? RenewAt : NotAfter));
        return JsonSerializer.Serialize(new ExecCredentialDocument(apiVersion, "ExecCredential", status), ExecCredentialJsonContext.Default.ExecCredentialDocument);
    }

    /// <summary>The validity, never the key.</summary>
    public override string ToString() => $"federation client certificate valid from {Rfc3339(NotBefore)} to {Rfc3339(NotAfter)}";

    /// <summary>Why a client certificate of <paramref name="fleetId"/> that ran out at <paramref name="notAfter"/> cannot be used, with its dates.</summary>
    internal static string Expired(string fleetId, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        $"the client certificate for fleet {fleetId} has expired: valid from {Rfc3339(notBefore)} to {Rfc3339(notAfter)}";

    internal static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
