using System.Text;

namespace FleetGen.Client.Authentication;

/// <summary>Files the chain reads (the profile, token files): bounded, UTF-8, a byte order mark dropped.</summary>
internal static class ChainFile
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The text of the file, or the reason it cannot be read (naming the file, never its content).</summary>
    public static async Task<(string? Text, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadTextAsync(path, cancellationToken).ConfigureAwait(false) is { } text
                ? (text, null)
                : (null, $"{path} is larger than {MaxBytes / 1024} KiB");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, $"{path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {path}: {SafeText.OneLine(e.Message)}");
        }
    }

    /// <summary>
    /// At most <see cref="MaxBytes"/> of the file as UTF-8 text without a byte order mark, read as a stream so that a
    /// pipe (<c>/dev/stdin</c>, <c>&lt;(...)</c>) works too; <c>null</c> when the file is larger.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static async Task<string?> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                return null;
            }

            // Editors on Windows start a UTF-8 file with a byte order mark; it is not part of the content.
            var text = Encoding.UTF8.GetString(buffer, 0, length);
            return text is ['\uFEFF', ..] ? text[1..] : text;
        }
    }

    /// <summary>A token file's content, trimmed; or why it cannot be sent.</summary>
    public static async Task<(string? Token, string? Problem)> ReadTokenAsync(string path, string what, CancellationToken cancellationToken)
    {
        var (text, problem) = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, $"{what}: {problem}");
        }

        var token = text.Trim();
        return token.Length == 0 ? (null, $"{what}: {path} is empty")
            : CredentialValue.Problem(token) is { } bad ? (null, $"{what}: the token in {path} {bad}")
            : (token, null);
    }
}
