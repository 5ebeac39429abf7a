using System.Text;
using System.Text.Json;

namespace FleetGen.Client.Http;

/// <summary>
/// Turns every answer that is not a success into one <see cref="UcsApiException"/>, reading the body (at most
/// <see cref="MaxBodyBytes"/>) as the contract's UcsError in any of its shapes, or keeping it as text.
/// </summary>
internal sealed class UcsErrorHandler(TimeProvider time) : DelegatingHandler
{
    public const int MaxBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var redactor = SecretRedactor.For(request, response.RequestMessage);
        var requestId = redactor.Apply(UcsResponseHeaders.RequestId(response));

        using (response)
        {
            var body = redactor.Apply(Encoding.UTF8.GetString(await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false)))!;
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.Select(v => redactor.Apply(v)!), StringComparer.OrdinalIgnoreCase);
            var retryAfter = UcsResponseHeaders.RetryAfter(response, time);
            throw UcsApiException.FromResponse((int)response.StatusCode, Parse(body, redactor), body, requestId, retryAfter, headers);
        }
    }

    /// <summary>
    /// The fields of the contract's UcsError in whichever shape the service used ({error_code, error_msg},
    /// {code, message}, {error: {code, message}}), each redacted: JSON escapes can hide an echoed secret from the text pass.
    /// </summary>
    private static UcsErrorFields? Parse(string body, SecretRedactor redactor)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var detail = root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : default;
            string? Text(JsonElement element, string name) =>
                element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? redactor.Apply(value.GetString())
                    : null;
            return new UcsErrorFields(
                Blank(Text(root, "error_code")) ?? Blank(Text(root, "code")) ?? Blank(Text(detail, "code")),
                Blank(Text(root, "error_msg")) ?? Blank(Text(root, "message")) ?? Blank(Text(detail, "message")),
                Blank(Text(root, "request_id")),
                Blank(Text(root, "encoded_authorization_message")));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return buffer[..length];
    }
}
