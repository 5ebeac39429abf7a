using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>How a request body travels, as Kiota serializes it.</summary>
internal enum BodyKind
{
    /// <summary><c>application/json</c> (or a <c>+json</c> type): Kiota's JSON writer.</summary>
    Json,

    /// <summary><c>text/plain</c>: a string.</summary>
    Text,

    /// <summary><c>application/x-www-form-urlencoded</c>: a model, through Kiota's form writer.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: Kiota's <c>MultipartBody</c>.</summary>
    Multipart,

    /// <summary>Any other media type (<c>application/octet-stream</c>, images…): a stream, sent as it is.</summary>
    Binary,
}

/// <summary>
/// Which media type of a request body the client sends and which responses are its success answers, chosen the way
/// Kiota chooses (JSON, then text, then form, then multipart; anything else is a stream).
/// </summary>
internal static class RequestBodies
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Multipart = "multipart/form-data";

    public static (BodyKind Kind, IOpenApiSchema? Schema) Read(IOpenApiRequestBody? requestBody, string location, List<string> problems)
    {
        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return (BodyKind.Json, null);
        }

        var chosen = content.OrderBy(m => Rank(m.Key)).First();
        var kind = Rank(chosen.Key) switch
        {
            0 => BodyKind.Json,
            1 => BodyKind.Text,
            2 => BodyKind.Form,
            3 => BodyKind.Multipart,
            _ => BodyKind.Binary,
        };
        var schema = chosen.Value.Schema;
        if (kind == BodyKind.Binary || schema is null)
        {
            // A stream is sent as the caller gives it: its schema (a binary string) has nothing to check.
            return (BodyKind.Binary, null);
        }

        if (kind == BodyKind.Multipart)
        {
            foreach (var (name, part) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (part.ReadOnly)
                {
                    problems.Add($"{location}.content.{chosen.Key}.schema.properties.{name}: a readOnly part of a multipart body is not supported (the part is serialized before the client could leave it out)");
                }
            }
        }

        return (kind, schema);
    }

    /// <summary>The success answers: the 2XX responses, or the <c>default</c> response of an operation that declares none.</summary>
    public static List<KeyValuePair<string, IOpenApiResponse>> Successes(OpenApiResponses? responses)
    {
        var successes = (responses ?? []).Where(r => r.Key.StartsWith('2')).ToList();
        return successes.Count > 0 ? successes : (responses ?? []).Where(r => r.Key == "default").ToList();
    }

    /// <summary>Whether the <c>default</c> response is the operation's success answer (it declares no 2XX response).</summary>
    public static bool DefaultIsSuccess(OpenApiResponses? responses) =>
        responses is not null && responses.ContainsKey("default") && !responses.Keys.Any(k => k.StartsWith('2'));

    private static int Rank(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/json" => 0,
            _ when type.EndsWith("+json", StringComparison.Ordinal) => 0,
            "text/plain" => 1,
            Form => 2,
            Multipart => 3,
            _ => 4,
        };
    }
}
