using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// Every file Kiota generates from the contract is guarded by a snapshot, so a change to the generated code is a
/// reviewed diff. kiota-lock.json and Kiota's log carry tool versions and machine paths and stay out.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    public static TheoryData<string> GeneratedFiles() => new(Repo.GeneratedKiotaFiles(Repo.GeneratedKiotaDir));

    [Fact]
    public void Generated_file_list()
    {
        Snapshot.Match(string.Join('\n', Repo.GeneratedKiotaFiles(Repo.GeneratedKiotaDir)));
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file(string relativePath)
    {
        var source = File.ReadAllText(Path.Combine(Repo.GeneratedKiotaDir, relativePath));

        Snapshot.Match(source, SnapshotNameExtension.Create(relativePath.Replace('/', '.')));
    }
}
