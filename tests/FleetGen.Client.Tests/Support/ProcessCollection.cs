namespace FleetGen.Client.Tests.Support;

/// <summary>
/// Tests that run whole builds in child processes: one at a time, so they do not fight over two cores; they work on the
/// run's <see cref="PackedRepository"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection : ICollectionFixture<PackedRepositoryLease>
{
    public const string Name = "dotnet child processes";
}
