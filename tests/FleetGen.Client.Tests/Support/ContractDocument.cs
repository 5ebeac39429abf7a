using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FleetGen.Client.Tests.Support;

/// <summary>Loads spec/ucs.yaml with Microsoft.OpenApi's YAML reader.</summary>
internal static class ContractDocument
{
    public static async Task<ReadResult> LoadAsync(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(path);
        return await OpenApiDocument.LoadAsync(stream, "yaml", settings);
    }

    public static async Task<OpenApiDocument> LoadAsync()
    {
        var result = await LoadAsync(Repo.Spec);
        return result.Document ?? throw new InvalidOperationException("The contract did not load.");
    }

    public static async Task<OpenApiOperation> CreateFederationCertAsync()
    {
        var document = await LoadAsync();
        return document.Paths["/v1/clustergroups/{clustergroupid}/cert"].Operations![HttpMethod.Post];
    }
}
