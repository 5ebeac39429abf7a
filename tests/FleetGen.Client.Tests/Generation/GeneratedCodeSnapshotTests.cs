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
        MatchDigest(GeneratedCodeDigest.Of(KiotaDir(Repo.GeneratedDir), KiotaNamespace));
    }

    [Fact]
    public void Server_base_digest()
    {
        MatchDigest(GeneratedCodeDigest.Of(Repo.GeneratedServerDir, ServerNamespace));
    }

    /// <summary>The lines by which the digest of Kiota's client in <paramref name="generatedDir"/> differs from the snapshot in <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<string> KiotaDigestChanges(string repositoryRoot, string generatedDir) =>
        GeneratedCodeDigest.Changes(File.ReadAllText(SnapshotPath(repositoryRoot, nameof(Kiota_client_digest))), GeneratedCodeDigest.Of(KiotaDir(generatedDir), KiotaNamespace));

    /// <summary>The lines by which the digest of NSwag's server base in <paramref name="serverDir"/> differs from the snapshot in <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<string> ServerDigestChanges(string repositoryRoot, string serverDir) =>
        GeneratedCodeDigest.Changes(File.ReadAllText(SnapshotPath(repositoryRoot, nameof(Server_base_digest))), GeneratedCodeDigest.Of(serverDir, ServerNamespace));

    // Snapshooter matches as for every snapshot (a missing one fails in strict mode and is written otherwise, a
    // mismatch is written to __mismatch__); a changed digest then fails with just its changed lines (+ new, - gone).
    private static void MatchDigest(string digest, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var snapshot = SnapshotPath(Repo.Root, test);
        var changes = File.Exists(snapshot) ? GeneratedCodeDigest.Changes(File.ReadAllText(snapshot), digest) : [];
        try
        {
            Snapshot.Match(digest);
        }
        catch (Exception) when (changes.Count > 0)
        {
        }

        Assert.True(changes.Count == 0, $"The generated code changed; review it, then accept it with dotnet cake --target=UpdateSnapshots:\n{string.Join('\n', changes)}");
    }

    private static string SnapshotPath(string repositoryRoot, string test) =>
        Path.Combine(repositoryRoot, "tests", "FleetGen.Client.Tests", "Generation", "__snapshots__", $"{nameof(GeneratedCodeSnapshotTests)}.{test}.snap");
}
