using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetGen.Client.Authentication;

/// <summary>
/// OIDC federation with IAM: the id token (read again for every exchange) for an unscoped token
/// (<c>POST {iam}/v3.0/OS-AUTH/id-token/tokens</c>, <c>X-Idp-Id</c>; the token in <c>X-Subject-Token</c>), and that
/// token for temporary AK/SK (<c>POST {iam}/v3.0/OS-CREDENTIAL/securitytokens</c>).
/// </summary>
internal sealed class OidcExchange(ChainHttp http, TimeSpan timeout)
{
    private const int DurationSeconds = 21600;

    public async Task<SourceOutcome> ExchangeAsync(string idpId, string idTokenFile, string? domainId, Uri iam, string origin, CancellationToken cancellationToken)
    {
        var (idToken, problem) = await ChainFile.ReadTokenAsync(idTokenFile, "the id token file", cancellationToken).ConfigureAwait(false);
        if (idToken is null)
        {
            return SourceOutcome.Nothing(problem!);
        }

        var tokens = new Uri(iam, "/v3.0/OS-AUTH/id-token/tokens");
        using var first = new HttpRequestMessage(HttpMethod.Post, tokens)
        {
            Content = Json(new JsonObject { ["auth"] = new JsonObject { ["id_token"] = new JsonObject { ["id"] = idToken } } }),
        };
        first.Headers.TryAddWithoutValidation("X-Idp-Id", idpId);
        var answer = await http.SendAsync(first, timeout, cancellationToken).ConfigureAwait(false);
        if (answer.Status is < 200 or > 299)
        {
            return SourceOutcome.Nothing($"POST {tokens} answered {answer.Status}{IamError(answer)}");
        }

        if (!answer.Headers.TryGetValues("X-Subject-Token", out var values) || values.FirstOrDefault() is not { Length: > 0 } subjectToken)
        {
            return SourceOutcome.Nothing($"POST {tokens} answered {answer.Status} without an X-Subject-Token header");
        }

        if (CredentialValue.Problem(subjectToken) is { } bad)
        {
            return SourceOutcome.Nothing($"POST {tokens}: X-Subject-Token {bad}");
        }

        var securityTokens = new Uri(iam, "/v3.0/OS-CREDENTIAL/securitytokens");
        using var second = new HttpRequestMessage(HttpMethod.Post, securityTokens)
        {
            Content = Json(new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["identity"] = new JsonObject
                    {
                        ["methods"] = new JsonArray("token"),
                        ["token"] = new JsonObject { ["id"] = subjectToken, ["duration_seconds"] = DurationSeconds },
                    },
                },
            }),
        };
        answer = await http.SendAsync(second, timeout, cancellationToken).ConfigureAwait(false);
        if (answer.Status is < 200 or > 299)
        {
            return SourceOutcome.Nothing($"POST {securityTokens} answered {answer.Status}{IamError(answer)}");
        }

        var (credentials, expiresAt, answerProblem) = TemporaryCredentialAnswer.Read(answer.Body, domainId);
        return credentials is null
            ? SourceOutcome.Nothing($"POST {securityTokens}: {answerProblem}")
            : SourceOutcome.Found(new SourceCredential(credentials, expiresAt, iam, origin));
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>IAM's error code, when the answer carries one that is a plain short word (never the message, which may quote input).</summary>
    private static string IamError(ChainAnswer answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            var code = root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("error_code", out var flat) && flat.ValueKind == JsonValueKind.String ? flat.GetString()
                : root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object && nested.TryGetProperty("code", out var inner) ? inner.ToString()
                : null;
            return code is { Length: > 0 and <= 40 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? $" ({code})" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
