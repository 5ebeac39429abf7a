namespace FleetGen.Client.Tests.Support;

/// <summary>Tests that run whole builds in child processes: one at a time, so they do not fight over two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "dotnet child processes";
}
