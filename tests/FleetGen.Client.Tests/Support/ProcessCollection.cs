namespace FleetGen.Client.Tests.Support;

/// <summary>
/// Tests that run builds and packs in child processes: one at a time, beside the tests that run in the test process;
/// they work on the run's <see cref="PackedRepository"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<PackedRepositoryLease>
{
    public const string Name = "dotnet child processes";
}
