namespace FleetGen.FakeServer.Tool;

/// <summary>A fleet the fake knows from the start: with federation (Available, no connection yet) or without.</summary>
internal sealed record SeedFleet(string Id, bool Federation);
