using System.Text.Json.Nodes;

namespace FleetGen.Client.Tests.Support;

/// <summary>The examples of the documented endpoint, read from the contract itself.</summary>
internal static class DocumentedExamples
{
    public static async Task<JsonNode> RequestAsync()
    {
        var operation = await ContractDocument.CreateFederationCertAsync();
        return AsJsonText(operation.RequestBody!.Content!["application/json"].Example!);
    }

    /// <summary>Re-reads a node from its JSON text, so its values are what a JSON parser gives (the YAML reader keeps numbers as decimals).</summary>
    public static JsonNode AsJsonText(JsonNode node) => JsonNode.Parse(node.ToJsonString())!;

    public static async Task<JsonNode> ResponseAsync()
    {
        var operation = await ContractDocument.CreateFederationCertAsync();
        return AsJsonText(operation.Responses!["201"].Content!["application/json"].Example!);
    }
}
