using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FleetGen.Client;
using FleetGen.Client.Models;
using FleetGen.Client.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Benchmarks;

/// <summary>Parsing the documented response alone, and serializing the documented request alone.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly JsonParseNodeFactory kiotaParse = new();
    private readonly JsonSerializationWriterFactory kiotaWrite = new();
    private readonly FloorRequest floorRequest = new(DocumentedBodies.ProjectId, DocumentedBodies.VpcId, DocumentedBodies.SubnetId, DocumentedBodies.Duration);
    private readonly CreateFederationCertRequestBody request = new()
    {
        ProjectID = DocumentedBodies.ProjectId,
        VpcID = DocumentedBodies.VpcId,
        SubnetID = DocumentedBodies.SubnetId,
        Duration = DocumentedBodies.Duration,
    };

    [GlobalSetup]
    public void Setup()
    {
        var floor = ParseFloor();
        ResultCheck.SameKubeconfig(floor, ParseKiota().GetAwaiter().GetResult(), "Kiota parse");
        ResultCheck.SameKubeconfig(floor, ParseFleetGen().GetAwaiter().GetResult(), "FleetGen parse");
        var expected = SerializeFloor();
        ResultCheck.SameJson(expected, SerializeKiota(), "Kiota serialize");
        ResultCheck.SameJson(expected, SerializeFleetGen(), "FleetGen serialize");
    }

    [Benchmark(Baseline = true, Description = "parse: floor (STJ source generation)"), BenchmarkCategory("parse")]
    public FloorKubeconfig ParseFloor() => JsonSerializer.Deserialize(DocumentedBodies.Response, FloorJson.Default.FloorKubeconfig)!;

    [Benchmark(Description = "parse: Kiota JsonParseNodeFactory"), BenchmarkCategory("parse")]
    public async Task<Kubeconfig> ParseKiota()
    {
        var node = await kiotaParse.GetRootParseNodeAsync("application/json", new MemoryStream(DocumentedBodies.Response, writable: false)).ConfigureAwait(false);
        return node.GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue)!;
    }

    [Benchmark(Description = "parse: FleetGen"), BenchmarkCategory("parse")]
    public async Task<Kubeconfig> ParseFleetGen()
    {
        var node = await FleetSerialization.ParseNodeFactory.GetRootParseNodeAsync("application/json", new MemoryStream(DocumentedBodies.Response, writable: false)).ConfigureAwait(false);
        return node.GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue)!;
    }

    [Benchmark(Description = "serialize: floor (STJ source generation)"), BenchmarkCategory("serialize")]
    public byte[] SerializeFloor() => JsonSerializer.SerializeToUtf8Bytes(floorRequest, FloorJson.Default.FloorRequest);

    [Benchmark(Description = "serialize: Kiota JsonSerializationWriter"), BenchmarkCategory("serialize")]
    public byte[] SerializeKiota() => Serialize(kiotaWrite.GetSerializationWriter("application/json"));

    [Benchmark(Description = "serialize: FleetGen"), BenchmarkCategory("serialize")]
    public byte[] SerializeFleetGen() => Serialize(FleetSerialization.SerializationWriterFactory.GetSerializationWriter("application/json"));

    private byte[] Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer)
    {
        using (writer)
        {
            writer.WriteObjectValue(null, request);
            using var stream = writer.GetSerializedContent();
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }
}
