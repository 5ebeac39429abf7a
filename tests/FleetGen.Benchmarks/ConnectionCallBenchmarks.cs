using BenchmarkDotNet.Attributes;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Benchmarks;

/// <summary>
/// One CreateFederationConnection call (the documented bodies) through an in-process canned handler: an operation whose
/// answer needs no checks of its own, so the figures are the engine's (and AK/SK's) alone.
/// </summary>
[MemoryDiagnoser]
public class ConnectionCallBenchmarks
{
    private static readonly byte[] Answer = "{\"id\":\"3f2b8a91-4c1e-4d7a-9b5e-2a6c8d0e1f3a1\"}"u8.ToArray();
    private CannedContestants contestants = null!;
    private FloorClient floor = null!;
    private UcsApiClient plainKiota = null!;
    private FleetClient token = null!;
    private FleetClient aksk = null!;

    [GlobalSetup]
    public void Setup()
    {
        contestants = new CannedContestants(Answer);
        (floor, plainKiota, token, aksk) = (contestants.Floor, contestants.PlainKiota, contestants.Token, contestants.AkSk);

        var expected = Floor().GetAwaiter().GetResult().Id;
        foreach (var (contestant, id) in new[] { ("plain Kiota", PlainKiota().GetAwaiter().GetResult()?.Id), ("FleetGen token", FleetGenToken().GetAwaiter().GetResult().Id), ("FleetGen AK/SK", FleetGenAkSk().GetAwaiter().GetResult().Id) })
        {
            if (id != expected)
            {
                throw new InvalidOperationException($"The {contestant} contestant returned another connection id than the floor.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => contestants.Dispose();

    [Benchmark(Baseline = true, Description = "floor: HttpClient + STJ source generation")]
    public Task<FloorConnection> Floor() =>
        floor.CreateFederationConnectionAsync(DocumentedBodies.FleetId, new FloorConnectionRequest(DocumentedBodies.ProjectId, DocumentedBodies.VpcId, DocumentedBodies.SubnetId));

    [Benchmark(Description = "plain Kiota client (KiotaClientFactory defaults)")]
    public Task<FederationConnection?> PlainKiota() => plainKiota.V1.Clustergroups[DocumentedBodies.FleetId].Connection.PostAsync(Request());

    [Benchmark(Description = "FleetGen client, token")]
    public Task<FederationConnection> FleetGenToken() => token.Federation.CreateFederationConnectionAsync(DocumentedBodies.FleetId, Request());

    [Benchmark(Description = "FleetGen client, AK/SK")]
    public Task<FederationConnection> FleetGenAkSk() => aksk.Federation.CreateFederationConnectionAsync(DocumentedBodies.FleetId, Request());

    private static CreateFederationConnectionRequestBody Request() => new()
    {
        ProjectID = DocumentedBodies.ProjectId,
        VpcID = DocumentedBodies.VpcId,
        SubnetID = DocumentedBodies.SubnetId,
    };
}
