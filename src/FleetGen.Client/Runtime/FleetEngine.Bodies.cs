using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FleetGen.Client.Validation;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Serialization.Multipart;
using Microsoft.Kiota.Serialization.Text;

namespace FleetGen.Client.Runtime;

/// <summary>
/// The engine's bodies and answers beyond JSON: Kiota's form, multipart and text serialization, the check of a body
/// whatever its media type, and answers read as a list of scalars.
/// </summary>
public sealed partial class FleetEngine
{
    /// <summary>Sends and reads the answer as a list of scalars (strings, numbers…).</summary>
    public Task<List<T>> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(FleetOperation operation, RequestInformation request, CancellationToken cancellationToken) =>
        InstrumentedAsync(operation, request, async () =>
            (await adapter.SendPrimitiveCollectionAsync<T>(request, errorMapping: null, cancellationToken).ConfigureAwait(false))?.ToList() ?? []);

    private static ParseNodeFactoryRegistry ParseNodes(JsonParseNodeFactory json)
    {
        var registry = new ParseNodeFactoryRegistry();
        registry.ContentTypeAssociatedFactories[json.ValidContentType] = json;
        var text = new TextParseNodeFactory();
        registry.ContentTypeAssociatedFactories[text.ValidContentType] = text;
        var form = new FormParseNodeFactory();
        registry.ContentTypeAssociatedFactories[form.ValidContentType] = form;
        return registry;
    }

    private static SerializationWriterFactoryRegistry SerializationWriters()
    {
        var registry = new SerializationWriterFactoryRegistry();
        foreach (var factory in new ISerializationWriterFactory[] { new JsonSerializationWriterFactory(), new TextSerializationWriterFactory(), new FormSerializationWriterFactory(), new MultipartSerializationWriterFactory() })
        {
            registry.ContentTypeAssociatedFactories[factory.ValidContentType] = factory;
        }

        return registry;
    }

    /// <summary>
    /// Checks a body against its schema: JSON as Kiota serialized it; a form model as the JSON it stands for; a
    /// multipart body part by part; a string as a string. ReadOnly properties are taken out of JSON and form bodies.
    /// </summary>
    private static void CheckBody(RequestInformation request, ContractSchema schema, object? body, List<ContractViolation> violations)
    {
        switch (body)
        {
            case null when request.Content is { } content:
                var start = content.Position;
                var json = JsonNode.Parse(content);
                content.Position = start;
                if (ContractValidator.RemoveReadOnly(json, schema))
                {
                    request.Content = new MemoryStream(Encoding.UTF8.GetBytes(json!.ToJsonString()));
                }

                ContractValidator.Check(json, schema, string.Empty, required: true, violations);
                break;
            case MultipartBody parts:
                CheckParts(parts, PartNames(request.Content), schema.Resolved(), violations);
                break;
            case IParsable model:
                var fields = JsonOf(model);
                var sent = fields?.AsObject().Select(p => p.Key).ToList() ?? [];
                if (ContractValidator.RemoveReadOnly(fields, schema) && request.Content is { } form)
                {
                    request.Content = WithoutFields(form, sent.Except(fields!.AsObject().Select(p => p.Key)).ToHashSet(StringComparer.Ordinal));
                }

                ContractValidator.Check(fields, schema, string.Empty, required: true, violations);
                break;
            case string text:
                ContractValidator.Check(JsonValue.Create(text), schema, string.Empty, required: true, violations);
                break;
        }
    }

    /// <summary>
    /// Each part the schema names: present when required (as serialized: a file part is found by its name only with
    /// its file name), its value checked unless it is a file (a stream or bytes).
    /// </summary>
    private static void CheckParts(MultipartBody parts, IReadOnlySet<string> sent, ContractSchema schema, List<ContractViolation> violations)
    {
        foreach (var (name, part) in schema.Properties ?? new Dictionary<string, ContractSchema>())
        {
            var required = schema.Required?.Contains(name) == true;
            if (!sent.Contains(name))
            {
                if (required)
                {
                    violations.Add(new ContractViolation(name, null, "is required"));
                }

                continue;
            }

            var value = parts.GetPartValue<object>(name, fileName: null);
            switch (value)
            {
                case null or Stream or byte[]:
                    break;
                case IParsable model:
                    ContractValidator.Check(JsonOf(model), part, name, required, violations);
                    break;
                default:
                    ContractValidator.Check(ContractValues.ToJson(value), part, name, required, violations);
                    break;
            }
        }
    }

    /// <summary>The names of the parts in a serialized multipart body (<c>Content-Disposition: form-data; name="…"</c>).</summary>
    private static HashSet<string> PartNames(Stream? content)
    {
        if (content is null)
        {
            return [];
        }

        var start = content.Position;
        using var reader = new StreamReader(content, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = reader.ReadToEnd();
        content.Position = start;
        return PartName().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("^Content-Disposition: form-data; name=\"([^\"]*)\"", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PartName();

    private static JsonNode? JsonOf(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        return JsonNode.Parse(content);
    }

    /// <summary>A form body (<c>a=1&amp;b=2</c>) without the named fields.</summary>
    private static MemoryStream WithoutFields(Stream form, IReadOnlySet<string> names)
    {
        using var reader = new StreamReader(form, Encoding.UTF8, leaveOpen: true);
        var kept = reader.ReadToEnd().Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !names.Contains(Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' '))));
        return new MemoryStream(Encoding.UTF8.GetBytes(string.Join('&', kept)));
    }
}
