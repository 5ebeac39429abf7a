using System.Text.RegularExpressions;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// Every file generated from the contract (Kiota's client, the contract rules) is guarded by a snapshot, so a change to the generated code is a
/// reviewed diff. kiota-lock.json and Kiota's log carry tool versions and machine paths and stay out.
/// </summary>
public sealed partial class GeneratedCodeSnapshotTests
{
    public static TheoryData<string> GeneratedFiles() => new(Repo.GeneratedFiles(Repo.GeneratedDir));

    [Fact]
    public void Generated_file_list()
    {
        Snapshot.Match(string.Join('\n', Repo.GeneratedFiles(Repo.GeneratedDir)));
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file(string relativePath)
    {
        var source = File.ReadAllText(Path.Combine(Repo.GeneratedDir, relativePath));

        Snapshot.Match(source, SnapshotNameExtension.Create(relativePath.Replace('/', '.')));
    }

    public static TheoryData<string> GeneratedServerFiles() => new(Repo.GeneratedFiles(Repo.GeneratedServerDir));

    [Theory]
    [MemberData(nameof(GeneratedServerFiles))]
    public void Generated_server_file(string relativePath)
    {
        var source = File.ReadAllText(Path.Combine(Repo.GeneratedServerDir, relativePath));

        Snapshot.Match(NSwagVersion().Replace(source, "<NSwag version>"), SnapshotNameExtension.Create(relativePath.Replace('/', '.')));
    }

    [GeneratedRegex(@"v?\d+(\.\d+){3} \(NJsonSchema v[\d.]+ \(Newtonsoft\.Json v[\d.]+\)\)")]
    private static partial Regex NSwagVersion();
}
