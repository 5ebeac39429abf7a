using Xunit.Abstractions;

[assembly: TestCollectionOrderer("FleetGen.Client.Tests.Support.ProcessCollectionFirst", "FleetGen.Client.Tests")]

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// Starts <see cref="ProcessCollection"/> (the longest chain of one-at-a-time builds) and then the installed tool's
/// collection first, so that they run beside the in-process tests instead of after them and share one
/// <see cref="PackedRepository"/>; the other collections follow by name.
/// </summary>
public sealed class ProcessCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName switch { ProcessCollection.Name => 0, InstalledToolCollection.Name => 1, _ => 2 })
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
