using System.Globalization;
using System.Text.Json;

namespace FleetGen.Client.Authentication;

/// <summary>
/// The temporary credentials in a metadata, Pod Identity or IAM answer: <c>{"credential":{"access","secret","securitytoken","expires_at"}}</c>
/// or <c>{"credentials":{"accessKeyId","secretAccessKey","securityToken","expiration"}}</c>. Every field is checked;
/// a problem names the field, never its value.
/// </summary>
internal static class TemporaryCredentialAnswer
{
    private const int MaxValueLength = 16 * 1024;

    /// <summary>
    /// What a credential service of this machine (ECS metadata, Pod Identity) answered: its temporary credentials, with
    /// the domain id of the environment and the IAM endpoint the chain resolves, or why they cannot serve.
    /// </summary>
    public static SourceOutcome Outcome(ChainContext context, ChainAnswer answer, string request, string origin)
    {
        var (credentials, expiresAt, problem) = Read(answer.Body, context.Variable(FleetCredentials.DomainIdVariable));
        var (iam, iamProblem) = context.Iam(null, ChainContext.IamEndpointVariable);
        return credentials is null ? SourceOutcome.Nothing($"{request}: {problem}")
            : iam is null ? SourceOutcome.Nothing(iamProblem!)
            : SourceOutcome.Found(new SourceCredential(credentials, expiresAt, iam, origin));
    }

    /// <summary>The credentials, or the problem with the answer.</summary>
    public static (AkSkCredentials? Credentials, DateTimeOffset ExpiresAt, string? Problem) Read(byte[] body, string? domainId)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("credential", out var classic))
            {
                return Build(classic, "credential", "access", "secret", "securitytoken", "expires_at", domainId);
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("credentials", out var newer))
            {
                return Build(newer, "credentials", "accessKeyId", "secretAccessKey", "securityToken", "expiration", domainId);
            }

            return Problem("the answer has neither a \"credential\" nor a \"credentials\" object");
        }
        catch (JsonException)
        {
            return Problem("the answer is not JSON");
        }
    }

    private static (AkSkCredentials?, DateTimeOffset, string?) Build(JsonElement value, string name, string access, string secret, string token, string expires, string? domainId)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Problem($"\"{name}\" is not an object");
        }

        string? problem = null;
        var fields = new[] { access, secret, token, expires }.Select(field => Text(value, name, field, ref problem)).ToArray();
        if (problem is not null)
        {
            return Problem(problem);
        }

        if (!DateTimeOffset.TryParse(fields[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiresAt))
        {
            return Problem($"{name}.{expires} is not a time");
        }

        return (new AkSkCredentials(fields[0]!, fields[1]!, fields[2], domainId), expiresAt, null);
    }

    private static string? Text(JsonElement parent, string name, string field, ref string? problem)
    {
        if (problem is not null)
        {
            return null;
        }

        if (!parent.TryGetProperty(field, out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } text)
        {
            problem = $"{name}.{field} is missing or not a non-empty string";
            return null;
        }

        if (text.Length > MaxValueLength)
        {
            problem = $"{name}.{field} is longer than {MaxValueLength} characters";
            return null;
        }

        if (CredentialValue.Problem(text) is { } bad)
        {
            problem = $"{name}.{field} {bad}";
            return null;
        }

        return text;
    }

    private static (AkSkCredentials?, DateTimeOffset, string?) Problem(string problem) => (null, default, problem);
}
