using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// The symbols package as `dotnet cake` packs it (a CI-mode build; in a clone without any remote, like CI's, when the
/// copy packs it; <see cref="PackedRepository"/>): the PDB maps its sources to the public repository at the commit built, holds no
/// build-machine path, and embeds the generated code, which the repository does not hold.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SourceLinkTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Fact]
    public async Task The_packed_PDB_links_its_sources_to_the_repository_and_embeds_the_generated_code()
    {
        var repository = await PackedRepository.GetAsync();

        using var provider = await LinkedPdbAsync(repository, "FleetGen.Client");

        var pdb = provider.GetMetadataReader();
        var embedded = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
            .Where(i => pdb.GetGuid(i.Kind) == EmbeddedSourceKind && i.Parent.Kind == HandleKind.Document)
            .Select(i => pdb.GetString(pdb.GetDocument((DocumentHandle)i.Parent).Name))
            .ToList();
        Assert.Contains("/_/src/FleetGen.Client/obj/generated/contract/FleetClient.Operations.g.cs", embedded);
        Assert.DoesNotContain("/_/src/FleetGen.Client/Client/FleetEngine.cs", embedded);
    }

    [Fact]
    public async Task The_kubeconfig_package_PDB_links_its_sources_to_the_repository()
    {
        var repository = await PackedRepository.GetAsync();

        using var provider = await LinkedPdbAsync(repository, "FleetGen.Kubeconfig");

        var pdb = provider.GetMetadataReader();
        Assert.Contains(pdb.Documents, d => pdb.GetString(pdb.GetDocument(d).Name) == "/_/src/FleetGen.Kubeconfig/KubeconfigMerger.cs");
    }

    /// <summary>The package's PDB from its symbols package, after checking its Source Link map (the public repository at the commit built) and that no document names a build-machine path.</summary>
    private static async Task<MetadataReaderProvider> LinkedPdbAsync(PackedRepository repository, string id)
    {
        var commit = repository.Commit;
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(repository.Package(id), ".snupkg"));
        var pdbStream = new MemoryStream();
        await using (var entry = symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open())
        {
            await entry.CopyToAsync(pdbStream);
        }

        pdbStream.Position = 0;
        var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var sourceLink = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation).Single(i => pdb.GetGuid(i.Kind) == SourceLinkKind);
        var expected = new System.Text.Json.Nodes.JsonObject { ["documents"] = new System.Text.Json.Nodes.JsonObject { ["/_/*"] = $"https://raw.githubusercontent.com/fleetgen/fleetgen/{commit}/*" } };
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, System.Text.Json.Nodes.JsonNode.Parse(pdb.GetBlobBytes(sourceLink.Value))), Encoding.UTF8.GetString(pdb.GetBlobBytes(sourceLink.Value)));

        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));
        Assert.DoesNotContain(documents, d => d.Contains(repository.PackedRoot, StringComparison.Ordinal));
        return provider;
    }
}
