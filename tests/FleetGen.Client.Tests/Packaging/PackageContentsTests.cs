using System.IO.Compression;
using System.Xml.Linq;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// The packages as `dotnet cake` packs them (<see cref="PackedRepository"/>): what each carries, its README and icon,
/// and its version from git (packed in the copy, whose history the test knows).
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageContentsTests
{
    private static readonly string[] ToolPackages = ["fleetgen", "fleetgen.any", "fleetgen.linux-x64"];
    private static readonly string[] LibraryPackages = ["FleetGen.Client", "FleetGen.Kubeconfig", "FleetGen.Testing"];

    [Fact]
    public async Task The_native_tool_package_carries_the_executable_and_nothing_to_debug_or_document()
    {
        var repository = await PackedRepository.GetAsync();
        using var package = ZipFile.OpenRead(repository.Package("fleetgen.linux-x64"));

        var tools = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal);
        Assert.Equal(["tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/fleetgen"], tools);
    }

    [Fact]
    public async Task The_managed_tool_package_carries_no_symbols_or_documentation()
    {
        var repository = await PackedRepository.GetAsync();
        using var package = ZipFile.OpenRead(repository.Package("fleetgen.any"));

        var tools = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.Name).ToList();
        Assert.Contains("fleetgen.dll", tools);
        Assert.Contains("FleetGen.Client.dll", tools);
        Assert.Contains("FleetGen.Kubeconfig.dll", tools);
        Assert.DoesNotContain(tools, n => n.EndsWith(".pdb", StringComparison.Ordinal) || n.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.Equal(["DotnetToolSettings.xml"], tools.Where(n => n.EndsWith(".xml", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_package_has_the_icon_and_its_README()
    {
        var repository = await PackedRepository.GetAsync();
        var icon = await File.ReadAllBytesAsync(Path.Combine(Repo.Root, "src", "icon.png"));
        var toolReadme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "src", "FleetGen.Cli", "README.md"));
        var libraryReadme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "src", "README.md"));
        var kubeconfigReadme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "src", "FleetGen.Kubeconfig", "README.md"));
        var fakeReadme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "src", "FleetGen.FakeServer.Tool", "README.md"));

        foreach (var (id, readme) in ToolPackages.Select(id => (id, toolReadme)).Concat(LibraryPackages.Select(id => (id, id == "FleetGen.Kubeconfig" ? kubeconfigReadme : libraryReadme))).Append(("fleetgen-fake", fakeReadme)))
        {
            using var package = ZipFile.OpenRead(repository.Package(id));
            var nuspec = Nuspec(package);
            Assert.True(("icon.png", "README.md") == (Metadata(nuspec, "icon"), Metadata(nuspec, "readme")), id);
            var packedIcon = await ReadAsync(package, "icon.png");
            Assert.True(icon.SequenceEqual(packedIcon), $"{id}: icon.png");
            Assert.True(readme == System.Text.Encoding.UTF8.GetString(await ReadAsync(package, "README.md")), $"{id}: README.md");
        }

        Assert.Contains("fleetgen get-credentials", toolReadme, StringComparison.Ordinal);
        Assert.Contains("Exit codes", toolReadme, StringComparison.Ordinal);
        Assert.Contains("MergeIntoAsync", kubeconfigReadme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_kubeconfig_package_depends_on_YamlDotNet()
    {
        var repository = await PackedRepository.GetAsync();

        Assert.DoesNotContain("YamlDotNet", Dependencies(repository, "FleetGen.Client"));
        Assert.Contains("Microsoft.Kiota.Abstractions", Dependencies(repository, "FleetGen.Client"));
        Assert.Equal(["FleetGen.Client", "YamlDotNet"], Dependencies(repository, "FleetGen.Kubeconfig"));
    }

    [Fact]
    public async Task A_commit_after_the_last_release_packs_a_prerelease_named_by_its_height()
    {
        var repository = await PackedRepository.GetAsync();

        // The copy's history is a root commit and one after it, with no release tag: height 1 above the root.
        Assert.Equal(PackedRepository.CopyVersion, await repository.PackageVersionAsync());

        // Every package of the run's feed (the copy's, or the main job's) carries the one version of its commit.
        Assert.Matches(@"^0\.3\.0-dev(\.\d+)?$", repository.Version);
        foreach (var id in ToolPackages.Concat(LibraryPackages))
        {
            using var package = ZipFile.OpenRead(repository.Package(id));
            Assert.True(repository.Version == Metadata(Nuspec(package), "version"), $"{id}: {Metadata(Nuspec(package), "version")}");
        }
    }

    [Fact]
    public async Task A_release_commit_packs_its_release_version()
    {
        var repository = await PackedRepository.GetAsync();
        await repository.GitAsync("tag", "v0.3.0");
        try
        {
            Assert.Equal("0.3.0", await repository.PackageVersionAsync());
        }
        finally
        {
            await repository.GitAsync("tag", "-d", "v0.3.0");
        }
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XElement.Load(stream);
    }

    private static IEnumerable<string> Dependencies(PackedRepository repository, string id)
    {
        using var package = ZipFile.OpenRead(repository.Package(id));
        return Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string? Metadata(XElement nuspec, string name) =>
        nuspec.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static async Task<byte[]> ReadAsync(ZipArchive package, string entry)
    {
        await using var stream = package.GetEntry(entry)!.Open();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
