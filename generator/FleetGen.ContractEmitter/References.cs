using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// References into <c>components</c> that point to nothing. The reader leaves them unresolved without an error, and
/// Kiota only logs a warning, so the emitter names each one by its line before anything is generated.
/// </summary>
internal static partial class References
{
    public static IEnumerable<string> Dangling(string text, OpenApiDocument document)
    {
        var components = document.Components;
        foreach (Match reference in Reference().Matches(text))
        {
            var kind = reference.Groups[1].Value;
            var name = Uri.UnescapeDataString(reference.Groups[2].Value).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            var names = kind switch
            {
                "schemas" => components?.Schemas?.Keys,
                "responses" => components?.Responses?.Keys,
                "parameters" => components?.Parameters?.Keys,
                "requestBodies" => components?.RequestBodies?.Keys,
                "headers" => components?.Headers?.Keys,
                "examples" => components?.Examples?.Keys,
                "securitySchemes" => components?.SecuritySchemes?.Keys,
                "links" => components?.Links?.Keys,
                "callbacks" => components?.Callbacks?.Keys,
                _ => null,
            };
            if (names?.Contains(name) != true)
            {
                var line = text.AsSpan(0, reference.Index).Count('\n') + 1;
                yield return $"line {line}: the reference #/components/{kind}/{reference.Groups[2].Value} points to nothing in the contract";
            }
        }
    }

    [GeneratedRegex("""\$ref["']?\s*:\s*["']?#/components/([A-Za-z]+)/([^"'\s,}\]]+)""")]
    private static partial Regex Reference();
}
