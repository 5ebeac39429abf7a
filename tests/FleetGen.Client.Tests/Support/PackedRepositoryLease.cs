namespace FleetGen.Client.Tests.Support;

/// <summary>A collection's hold on the run's <see cref="PackedRepository"/>: made on the first lease, deleted after the last.</summary>
public sealed class PackedRepositoryLease : IAsyncLifetime
{
    public Task InitializeAsync() => PackedRepository.AcquireAsync();

    public Task DisposeAsync() => PackedRepository.ReleaseAsync();
}
