namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Finds the first well-formed PEM block of a text (RFC 7468, as <see cref="System.Security.Cryptography.PemEncoding"/>
/// reads it): its label and its decoded bytes. Written out rather than calling PemEncoding, whose first call compiles
/// its vectorized search code at full optimization: about 20 ms of a command's start, more than the whole PEM work.
/// </summary>
internal static class PemBlock
{
    private const string Begin = "-----BEGIN ";
    private const string End = "-----END ";
    private const string Dashes = "-----";

    public static bool TryReadFirst(ReadOnlySpan<char> text, out string label, out byte[] data)
    {
        for (var start = 0; start <= text.Length - Begin.Length;)
        {
            var found = text[start..].IndexOf(Begin, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var begin = start + found;
            if (TryRead(text, begin, out label, out data))
            {
                return true;
            }

            start = begin + 1;
        }

        (label, data) = (string.Empty, []);
        return false;
    }

    private static bool TryRead(ReadOnlySpan<char> text, int begin, out string label, out byte[] data)
    {
        (label, data) = (string.Empty, []);
        if (begin > 0 && !IsWhiteSpace(text[begin - 1]))
        {
            return false;
        }

        var labelStart = begin + Begin.Length;
        var labelLength = text[labelStart..].IndexOf(Dashes, StringComparison.Ordinal);
        if (labelLength < 0 || !IsValidLabel(text.Slice(labelStart, labelLength)))
        {
            return false;
        }

        var labelText = text.Slice(labelStart, labelLength);
        var contentStart = labelStart + labelLength + Dashes.Length;
        var endMarker = string.Concat(End, labelText, Dashes);
        var contentLength = text[contentStart..].IndexOf(endMarker, StringComparison.Ordinal);
        if (contentLength < 0)
        {
            return false;
        }

        var content = text.Slice(contentStart, contentLength);
        var buffer = new byte[content.Length * 3 / 4];
        if (!IsBase64WithWhiteSpace(content) || !Convert.TryFromBase64Chars(content, buffer, out var written))
        {
            return false;
        }

        (label, data) = (labelText.ToString(), buffer.AsSpan(0, written).ToArray());
        return true;
    }

    /// <summary>RFC 7468: printable characters but '-', with single spaces or hyphens between them.</summary>
    private static bool IsValidLabel(ReadOnlySpan<char> label)
    {
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            var isSeparator = c is ' ' or '-';
            if (isSeparator && (i == 0 || i == label.Length - 1 || label[i - 1] is ' ' or '-'))
            {
                return false;
            }

            if (!isSeparator && c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBase64WithWhiteSpace(ReadOnlySpan<char> content)
    {
        foreach (var c in content)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' || IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f';
}
