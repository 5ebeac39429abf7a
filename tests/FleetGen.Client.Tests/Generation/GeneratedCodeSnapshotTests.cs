using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// Code generated from the contract, as a reviewer reads a change to it: what FleetGen emits (contract/: the operation
/// table, the façade) file for file; what Kiota and NSwag generate as a digest of their types and members
/// (<see cref="GeneratedCodeDigest"/>), so a contract change is a diff of a few lines instead of copies of their code.
/// kiota-lock.json and Kiota's log carry tool versions and machine paths and stay out.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    public const string KiotaNamespace = "FleetGen.Client";
    public const string ServerNamespace = "FleetGen.Testing.Contract";

    public static string KiotaDir(string generatedDir) => Path.Combine(generatedDir, "kiota");

    public static TheoryData<string> EmittedFiles() =>
        new(Repo.GeneratedFiles(Repo.GeneratedDir).Where(f => f.StartsWith("contract/", StringComparison.Ordinal)));

    [Fact]
    public void Generated_file_list()
    {
        Snapshot.Match(string.Join('\n', Repo.GeneratedFiles(Repo.GeneratedDir)));
    }

    [Theory]
    [MemberData(nameof(EmittedFiles))]
    public void Generated_file(string relativePath)
    {
        var source = File.ReadAllText(Path.Combine(Repo.GeneratedDir, relativePath));

        Snapshot.Match(source, SnapshotNameExtension.Create(relativePath.Replace('/', '.')));
    }

    [Fact]
    public void Kiota_client_digest()
    {
        Snapshot.Match(GeneratedCodeDigest.Of(KiotaDir(Repo.GeneratedDir), KiotaNamespace));
    }

    [Fact]
    public void Server_base_digest()
    {
        Snapshot.Match(GeneratedCodeDigest.Of(Repo.GeneratedServerDir, ServerNamespace));
    }
}
