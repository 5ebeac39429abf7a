using System.Text;
using System.Text.Json.Nodes;
using FleetGen.Client.Models;
using FleetGen.Client.Serialization;
using FleetGen.Client.Tests.Support;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Tests.Serialization;

/// <summary>The emitted fast JSON paths give exactly what Kiota's own path gives, and hand over to it where they stop.</summary>
public sealed class FastJsonPathTests
{
    public static TheoryData<string> Bodies() => new()
    {
        ClientFixture.KubeconfigJson,
        """{"clusters":[{"name":"c","cluster":{"server":"https://h:1","insecure-skip-tls-verify":true}}],"current-context":"x"}""",
        """{"clusters":[{"name":"c","cluster":{"server":"https://h:1","insecure-skip-tls-verify":"true"}}]}""",
        """{"kind":"Config","clusters":[],"users":null,"contexts":[{"name":"x","context":{"cluster":null,"user":"u"}}]}""",
        """{"kind":"Config","preferences":{"colors":true},"clusters":[{"name":"c","cluster":{"server":"https://h:1","proxy-url":"http://p:1"}}]}""",
        """{"clusters":[{"name":"c","cluster":null}],"users":[null]}""",
        """{"kind":1,"clusters":"everything"}""",
        """{"current-context":"caf\u00e9 \"quoted\""}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Reading_gives_what_Kiota_gives(string json)
    {
        var fast = await ReadAsync(FleetSerialization.ParseNodeFactory, json);
        var kiota = await ReadAsync(new JsonParseNodeFactory(), json);

        Assert.Equal(await WriteWithKiotaAsync(kiota), await WriteWithKiotaAsync(fast));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_fast_reader_covers_the_documented_body_and_stops_at_an_unknown_field(bool documented)
    {
        var json = documented ? ClientFixture.KubeconfigJson : """{"kind":"Config","preferences":{}}""";
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(documented, ContractJson.TryRead(typeof(Kubeconfig), ref reader, out var value));
        Assert.Equal(documented, value is Kubeconfig { CurrentContext: "fed", Clusters.Count: 1 });
    }

    [Fact]
    public void The_factories_take_the_content_type_Kiota_takes()
    {
        Assert.Equal(new JsonParseNodeFactory().ValidContentType, FleetSerialization.ParseNodeFactory.ValidContentType);
        Assert.Equal(new JsonSerializationWriterFactory().ValidContentType, FleetSerialization.SerializationWriterFactory.ValidContentType);
    }

    [Fact]
    public async Task The_parse_node_factory_reads_the_documented_body_without_Kiota()
    {
        var node = await FleetSerialization.ParseNodeFactory.GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes(ClientFixture.KubeconfigJson)));

        var config = node.GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue);

        Assert.Equal("fed", config.CurrentContext);
        Assert.False(((FastJsonParseNode)node).UsedKiota);
    }

    [Fact]
    public async Task Unknown_fields_are_kept_by_handing_over_to_Kiota()
    {
        var config = await ReadAsync(FleetSerialization.ParseNodeFactory, """{"clusters":[{"name":"c","cluster":{"server":"https://h:1","proxy-url":"http://p:1"}}]}""");

        Assert.Equal("http://p:1", config.Clusters![0].Cluster!.AdditionalData["proxy-url"]);
    }

    [Fact]
    public void Writing_the_request_body_gives_the_JSON_Kiota_gives()
    {
        var body = ClientFixture.Request();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Write(new JsonSerializationWriterFactory(), body)), JsonNode.Parse(Write(FleetSerialization.SerializationWriterFactory, body))));
    }

    [Fact]
    public void A_body_with_additional_data_is_written_by_Kiota_with_that_data()
    {
        var body = ClientFixture.Request();
        body.AdditionalData["extra"] = "kept";

        var json = JsonNode.Parse(Write(FleetSerialization.SerializationWriterFactory, body))!;

        Assert.Equal("kept", json["extra"]!.GetValue<string>());
        Assert.Equal(30, json["duration"]!.GetValue<int>());
    }

    private static async Task<Kubeconfig> ReadAsync(IParseNodeFactory factory, string json)
    {
        var node = await factory.GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return node.GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue);
    }

    private static async Task<string> WriteWithKiotaAsync(Kubeconfig config)
    {
        using var writer = new JsonSerializationWriterFactory().GetSerializationWriter("application/json");
        writer.WriteObjectValue(null, config);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return await reader.ReadToEndAsync();
    }

    private static string Write(ISerializationWriterFactory factory, IParsable body)
    {
        using var writer = factory.GetSerializationWriter("application/json");
        writer.WriteObjectValue(null, body);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }
}
