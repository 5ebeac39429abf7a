using System.Formats.Asn1;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Reads the first certificate of PEM text with the managed ASN.1 reader: enough to tell a DER X.509 certificate from
/// anything else and to read its validity, without loading the platform's crypto library (a cost a command pays at start).
/// </summary>
internal static class PemCertificate
{
    private static readonly Asn1Tag Version = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>Whether <paramref name="pem"/> starts with a <c>CERTIFICATE</c> block holding an X.509 certificate; gives its notAfter.</summary>
    public static bool TryReadFirst(ReadOnlySpan<char> pem, out DateTimeOffset notAfter)
    {
        notAfter = default;
        if (!PemBlock.TryReadFirst(pem, out var label, out var der) || label != "CERTIFICATE")
        {
            return false;
        }

        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            var tbs = certificate.ReadSequence();
            certificate.ReadSequence();
            certificate.ReadBitString(out _);
            if (outer.HasData || certificate.HasData)
            {
                return false;
            }

            if (tbs.PeekTag().HasSameClassAndValue(Version))
            {
                tbs.ReadSequence(Version);
            }

            tbs.ReadIntegerBytes();
            tbs.ReadSequence();
            tbs.ReadSequence();
            var validity = tbs.ReadSequence();
            ReadTime(validity);
            notAfter = ReadTime(validity);
            tbs.ReadSequence();
            tbs.ReadSequence();
            return !validity.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
