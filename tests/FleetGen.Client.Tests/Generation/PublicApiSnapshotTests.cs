using PublicApiGenerator;

namespace FleetGen.Client.Tests.Generation;

/// <summary>The public API of each package, generated and hand-written, as a listing: every change to it is a reviewed diff.</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_of_FleetGen_Client()
    {
        var listing = typeof(UcsApiClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"],
        });

        Snapshot.Match(listing);
    }

    [Fact]
    public void Public_api_of_FleetGen_Kubeconfig()
    {
        var listing = typeof(FleetGen.Client.KubeconfigFiles.KubeconfigFileExtensions).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"],
        });

        Snapshot.Match(listing);
    }

    [Fact]
    public void Public_api_of_FleetGen_Testing()
    {
        var listing = typeof(FleetGen.Testing.FakeUcsServer).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"],
        });

        Snapshot.Match(listing);
    }
}
