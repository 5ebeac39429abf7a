using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using Microsoft.Kiota.Serialization.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.Tests.KubeconfigFiles;

/// <summary>The direct writer gives YamlDotNet's text byte for byte, and hands every tree it does not cover to YamlDotNet.</summary>
public sealed class SimpleYamlWriterTests
{
    public static TheoryData<string> Kubeconfigs() => new()
    {
        ClientFixture.KubeconfigJson,
        """{"kind":"Config","apiVersion":"v1","clusters":[],"users":[],"contexts":[]}""",
        """
        {"kind":"Config","apiVersion":"v1","preferences":{"colors":true},
         "clusters":[{"name":"c","cluster":{"server":"https://h:1","proxy-url":"http://proxy:3128","extensions":[{"name":"x","extension":{"a":1,"b":null,"c":[]}}]}}],
         "users":[{"name":"u","user":{"token":"t","exec":{"command":"get-token","args":["--fleet","f1"],"env":{}}}}],
         "contexts":[{"name":"ctx","context":{"cluster":"c","user":"u","namespace":"kube-system"}},{"name":"two","context":{"cluster":"c","user":"u"}}],
         "current-context":"ctx"}
        """,
        """{"clusters":[{"name":"true","cluster":{"server":"https://h:1"}}],"users":[{"name":"0123","user":{}}],"contexts":[{"name":"null","context":{"cluster":"true","user":"0123"}}],"current-context":"null"}""",
        """{"clusters":[{"name":"a b","cluster":{"server":"https://h:1","insecure-skip-tls-verify":"false"}}],"current-context":"a b"}""",
        """{"clusters":[{"name":"caf\u00e9 \"q\" \\ x","cluster":{"server":"https://h:1"}}],"current-context":"\t"}""",
        """{"clusters":[{"name":"-5","cluster":{"server":"https://h:1","weight":-5,"ratio":0.5}}],"current-context":":x:"}""",
        """{"clusters":[{"name":"c","cluster":{"nested":[["a"],["b"]],"key with space":"v","true":"x"}}]}""",
    };

    [Theory]
    [MemberData(nameof(Kubeconfigs))]
    public void Kubeconfigs_are_written_as_YamlDotNet_writes_them(string json)
    {
        var root = KubeconfigYaml.ToNode(new JsonParseNode(System.Text.Json.JsonDocument.Parse(json).RootElement).GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue)!);

        var direct = SimpleYamlWriter.TryWrite(root);

        Assert.Equal(KubeconfigYaml.WriteWithEmitter(root), direct ?? KubeconfigYaml.WriteWithEmitter(root));
        Assert.Equal(KubeconfigYaml.WriteWithEmitter(root), KubeconfigYaml.Write(root));
    }

    [Fact]
    public void The_service_kubeconfig_is_written_directly()
    {
        var root = KubeconfigYaml.ToNode(new JsonParseNode(System.Text.Json.JsonDocument.Parse(ClientFixture.KubeconfigJson).RootElement).GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue)!);

        Assert.NotNull(SimpleYamlWriter.TryWrite(root));
    }

    [Theory]
    [InlineData("a: 'single quoted'\n")]
    [InlineData("a: |\n  literal\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !tag b\n")]
    [InlineData("a:\n- - nested\n")]
    [InlineData("\"quoted key\": b\n")]
    [InlineData("a: \"\u00e9\"\n")]
    public void Trees_it_does_not_cover_are_left_to_YamlDotNet(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));

        Assert.Null(SimpleYamlWriter.TryWrite((YamlMappingNode)stream.Documents[0].RootNode));
    }

    [Fact]
    public void Random_trees_are_written_as_YamlDotNet_writes_them()
    {
        var random = new Random(20261128);
        var direct = 0;
        for (var i = 0; i < 2000; i++)
        {
            var root = RandomMapping(random, depth: 0);

            var text = SimpleYamlWriter.TryWrite(root);

            if (text is not null)
            {
                direct++;
                Assert.Equal(KubeconfigYaml.WriteWithEmitter(root), text);
            }
        }

        Assert.True(direct > 200, $"only {direct} of 2000 random trees were simple enough to compare");
    }

    private static readonly string[] Texts =
    [
        "v1", "Config", "https://10.0.0.8:5443", "LS0tLS1CRUdJTi/+=", "/path/to", "user@host", "a.b_c-d", "x:y", "30", "-5", "0.5",
        "true", "null", "", "a b", "quote\"d", "back\\slash", "caf\u00e9", "tab\there", "ends:", "#hash", "-dash", "[x]",
    ];

    private static YamlMappingNode RandomMapping(Random random, int depth)
    {
        var mapping = new YamlMappingNode();
        var count = random.Next(depth == 0 ? 1 : 0, 5);
        for (var i = 0; i < count; i++)
        {
            var key = random.Next(10) == 0 ? Texts[random.Next(Texts.Length)] : $"key-{i}";
            if (key.Length == 0 || mapping.Children.ContainsKey(new YamlScalarNode(key)))
            {
                continue;
            }

            mapping.Add(new YamlScalarNode(key), RandomNode(random, depth + 1));
        }

        return mapping;
    }

    private static YamlNode RandomNode(Random random, int depth) => random.Next(depth > 3 ? 1 : 4) switch
    {
        0 => new YamlScalarNode(Texts[random.Next(Texts.Length)]) { Style = random.Next(2) == 0 ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted },
        1 => RandomMapping(random, depth),
        2 => new YamlSequenceNode(Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(3) == 0 ? (YamlNode)RandomMapping(random, depth + 1) : RandomNode(random, depth + 1))),
        _ => new YamlScalarNode(Texts[random.Next(Texts.Length)]) { Style = ScalarStyle.Plain },
    };
}
