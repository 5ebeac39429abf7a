using System.Security.Cryptography;
using System.Text.Json;
using FleetGen.Client.Http;

namespace FleetGen.Client.Authentication;

/// <summary>
/// The account (domain) id of AK/SK credentials that do not carry one, as the official SDKs find it:
/// <c>GET {iam}/v3/auth/domains</c>, signed with them; the first <c>domains[].id</c>.
/// </summary>
internal sealed class DomainIdLookup(ChainContext context)
{
    private const int MaxDomainIdLength = 128;

    /// <summary>The domain id, or why it could not be found.</summary>
    public async Task<(string? DomainId, string? Problem)> FindAsync(AkSkCredentials credentials, Uri iam, CancellationToken cancellationToken)
    {
        var uri = new Uri(iam, "/v3/auth/domains");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        AkSkRequestSigning.Sign(request, credentials, context.Options.TimeProvider.GetUtcNow(), SHA256.HashData([]));
        ChainAnswer answer;
        try
        {
            answer = await context.Http.SendAsync(request, context.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"GET {uri}: {SafeText.OneLine(e.Message)}");
        }

        if (answer.Status != 200)
        {
            return (null, $"GET {uri} answered {answer.Status}");
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("domains", out var domains) || domains.ValueKind != JsonValueKind.Array)
            {
                return (null, $"GET {uri}: the answer has no \"domains\" list");
            }

            if (domains.GetArrayLength() == 0)
            {
                return (null, $"GET {uri}: the \"domains\" list is empty");
            }

            var first = domains[0];
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= MaxDomainIdLength } domainId && domainId.All(char.IsAsciiLetterOrDigit)
                ? (domainId, null)
                : (null, $"GET {uri}: domains[0].id is missing or not 1 to {MaxDomainIdLength} letters and digits");
        }
        catch (JsonException)
        {
            return (null, $"GET {uri}: the answer is not JSON");
        }
    }
}
