using System.Text;
using System.Text.Json;
using FleetGen.Client.Models;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Http;

/// <summary>
/// Turns every answer that is not a success into one <see cref="UcsApiException"/>, reading the body (at most
/// <see cref="MaxBodyBytes"/>) as the contract's <see cref="UcsError"/> in any of its shapes, or keeping it as text.
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

    /// <summary>The body as the contract's error model, its texts redacted again: JSON escapes can hide an echoed secret from the text pass.</summary>
    private static UcsError? Parse(string body, SecretRedactor redactor)
    {
        UcsError? error;
        try
        {
            using var document = JsonDocument.Parse(body);
            error = document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonParseNode(document.RootElement).GetObjectValue(UcsError.CreateFromDiscriminatorValue)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (error is not null)
        {
            error.ErrorCode = redactor.Apply(error.ErrorCode);
            error.ErrorMsg = redactor.Apply(error.ErrorMsg);
            error.Code = redactor.Apply(error.Code);
            error.MessageEscaped = redactor.Apply(error.MessageEscaped);
            error.RequestId = redactor.Apply(error.RequestId);
            error.EncodedAuthorizationMessage = redactor.Apply(error.EncodedAuthorizationMessage);
            if (error.Error is { } detail)
            {
                detail.Code = redactor.Apply(detail.Code);
                detail.Message = redactor.Apply(detail.Message);
            }

            foreach (var (key, value) in error.AdditionalData.ToList())
            {
                if (value is string text)
                {
                    error.AdditionalData[key] = redactor.Apply(text)!;
                }
            }
        }

        return error;
    }

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
