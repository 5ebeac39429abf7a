using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>
/// Reads a form body as the JSON body the contract documents, because the official SDKs declare
/// <c>application/x-www-form-urlencoded</c> (and the Go SDK builds <c>multipart/form-data</c> fields) for
/// RegisterClusterGroup, RegisterCluster, JoinGroup and CreateRule while the API reference documents JSON. Each field
/// becomes a string property, a repeated field an array of strings, a dotted name (<c>metadata.name</c>) a nested
/// object, and a value that is a JSON object or array (the Go SDK sends CreateRule as <c>metadata={...}&amp;spec={...}</c>)
/// that object or array. Runs after authentication, which checks the signature over the bytes as they arrived.
/// </summary>
internal sealed class FormBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.Count > 0)
            {
                await UcsErrorResponses.WriteAsync(context, 400, Client.UcsErrorCodes.InvalidRequestBody, "Invalid request body: UCS takes no file uploads.").ConfigureAwait(false);
                return;
            }

            var json = Encoding.UTF8.GetBytes(ToJson(form).ToJsonString());
            context.Request.Body = new MemoryStream(json);
            context.Request.ContentLength = json.Length;
            context.Request.ContentType = "application/json";
        }

        await next(context).ConfigureAwait(false);
    }

    private static JsonObject ToJson(IFormCollection form)
    {
        var root = new JsonObject();
        foreach (var (name, values) in form)
        {
            var path = name.Split('.');
            var parent = root;
            foreach (var segment in path[..^1])
            {
                if (parent[segment] is not JsonObject child)
                {
                    child = [];
                    parent[segment] = child;
                }

                parent = child;
            }

            parent[path[^1]] = values.Count == 1
                ? Value(values[0])
                : new JsonArray(values.Select(Value).ToArray());
        }

        return root;
    }

    private static JsonNode? Value(string? text)
    {
        if (text is ['{', ..] or ['[', ..])
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: the field's text as sent.
            }
        }

        return JsonValue.Create(text);
    }
}
