using System.Text.Json.Nodes;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Tests.KubeconfigFiles;

public sealed class KubeconfigYamlTests
{
    private static Kubeconfig Parse(string json) =>
        new JsonParseNode(System.Text.Json.JsonDocument.Parse(json).RootElement).GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue)!;

    [Fact]
    public void ToYaml_writes_kubectl_layout_and_key_names()
    {
        var config = Parse("""
            {"kind":"Config","apiVersion":"v1",
             "clusters":[{"name":"fleet","cluster":{"server":"https://10.1.2.3:5443","insecure-skip-tls-verify":"true"}}],
             "users":[{"name":"admin","user":{"token":"t0ken"}}],
             "contexts":[{"name":"fed","context":{"cluster":"fleet","user":"admin"}}],
             "current-context":"fed"}
            """);

        Assert.Equal("""
            apiVersion: v1
            clusters:
            - cluster:
                insecure-skip-tls-verify: true
                server: https://10.1.2.3:5443
              name: fleet
            contexts:
            - context:
                cluster: fleet
                user: admin
              name: fed
            current-context: fed
            kind: Config
            users:
            - name: admin
              user:
                token: t0ken

            """.ReplaceLineEndings("\n"), config.ToYaml());
    }

    [Fact]
    public void Strings_that_would_read_as_other_types_are_quoted()
    {
        var config = Parse("""
            {"clusters":[{"name":"true","cluster":{"server":"https://h:1"}}],"users":[{"name":"0123","user":{}}],
             "contexts":[{"name":"null","context":{"cluster":"true","user":"0123"}}],"current-context":"null"}
            """);

        var yaml = config.ToYaml();

        Assert.Contains("name: \"true\"", yaml, StringComparison.Ordinal);
        Assert.Contains("name: \"0123\"", yaml, StringComparison.Ordinal);
        Assert.Contains("current-context: \"null\"", yaml, StringComparison.Ordinal);
        var back = Kubeconfig.FromYaml(yaml);
        Assert.Equal(("true", "0123", "null"), (back.Clusters![0].Name, back.Users![0].Name, back.CurrentContext));
    }

    [Fact]
    public void Fields_the_model_does_not_name_are_kept_through_yaml()
    {
        var config = Parse("""
            {"kind":"Config","apiVersion":"v1","preferences":{"colors":true},
             "clusters":[{"name":"c","cluster":{"server":"https://h:1","proxy-url":"http://proxy:3128","extensions":[{"name":"x","extension":{"a":1}}]}}],
             "users":[{"name":"u","user":{"token":"t","exec":{"command":"get-token","args":["--fleet","f1"]}}}],
             "contexts":[{"name":"ctx","context":{"cluster":"c","user":"u","namespace":"kube-system"}}],
             "current-context":"ctx"}
            """);

        var back = Kubeconfig.FromYaml(config.ToYaml());

        Assert.Equal("http://proxy:3128", back.Clusters![0].Cluster!.AdditionalData["proxy-url"]);
        Assert.Equal("kube-system", back.Contexts![0].Context!.AdditionalData["namespace"]);
        var exec = Assert.IsType<Dictionary<string, object>>(back.Users![0].User!.AdditionalData["exec"]);
        Assert.Equal(["--fleet", "f1"], Assert.IsType<List<object?>>(exec["args"]));
        var preferences = Assert.IsType<Dictionary<string, object>>(back.AdditionalData["preferences"]);
        Assert.Equal(true, preferences["colors"]);
        var extension = Assert.IsType<Dictionary<string, object>>(Assert.IsType<List<object?>>(back.Clusters[0].Cluster!.AdditionalData["extensions"])[0]);
        Assert.Equal(1L, Assert.IsType<Dictionary<string, object>>(extension["extension"])["a"]);
    }

    [Theory]
    [InlineData("no-current-context.yaml", "current-context: is not set")]
    [InlineData("dangling-context.yaml", "contexts[\"demo\"]: cluster \"missing\" is not in clusters")]
    [InlineData("bad-base64.yaml", "clusters[\"c\"].certificate-authority-data: is not valid base64")]
    [InlineData("empty.yaml", "clusters: the kubeconfig has none")]
    [InlineData("not-yaml.yaml", "not valid YAML (line 3, column 3)")]
    [InlineData("not-a-mapping.yaml", "the file is not a YAML mapping")]
    public void Each_failure_mode_is_a_clear_error_naming_the_entry(string fixture, string problem)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KubeconfigFiles", "Fixtures", fixture));

        var error = Assert.Throws<KubeconfigException>(() => Kubeconfig.FromYaml(yaml).Validate());

        Assert.True(error.Problems.Any(p => p.StartsWith(problem, StringComparison.Ordinal)), error.Message);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificates_and_keys_must_decode_to_pem_and_errors_never_quote_them()
    {
        using var pki = new FakeCertificateAuthority();
        var config = KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443");
        var notPem = Convert.ToBase64String("plain text, not PEM"u8.ToArray());
        var keyAsCertificate = config.Users![0].User!.ClientKeyData!;
        config.Clusters![0].Cluster!.CertificateAuthorityData = notPem;
        config.Users[0].User!.ClientCertificateData = keyAsCertificate;
        config.Users[0].User!.ClientKeyData = FakeCertificateAuthority.ToBase64Pem(pki.Certificate);
        config.Clusters[0].Cluster!.Server = "https://ip:port";

        var error = Assert.Throws<KubeconfigException>(config.Validate);

        Assert.Equal(
            [
                "clusters[\"federation-cluster\"].server: \"https://ip:port\" is not an absolute https or http URL",
                "clusters[\"federation-cluster\"].certificate-authority-data: does not decode to a PEM certificate",
                "users[\"federation-user\"].client-certificate-data: does not decode to a PEM certificate",
                "users[\"federation-user\"].client-key-data: does not decode to a PEM private key",
            ],
            error.Problems);
        Assert.DoesNotContain(keyAsCertificate, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notPem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task kubectl_reads_exactly_the_data_that_was_saved()
    {
        using var pki = new FakeCertificateAuthority();
        using var folder = new TempFolder();
        var config = KubeconfigSamples.Federation(pki, "https://127.0.0.1:6443");
        var path = folder.File("config");
        await config.SaveAsync(path);

        var (exitCode, output, error) = await Kubectl.RunAsync("config", "view", "--raw", "-o", "json", "--kubeconfig", path);

        Assert.True(exitCode == 0, error);
        var view = JsonNode.Parse(output)!;
        Assert.Equal("federation", view["current-context"]!.GetValue<string>());
        Assert.Equal("https://127.0.0.1:6443", view["clusters"]![0]!["cluster"]!["server"]!.GetValue<string>());
        Assert.Equal(config.Clusters![0].Cluster!.CertificateAuthorityData, view["clusters"]![0]!["cluster"]!["certificate-authority-data"]!.GetValue<string>());
        Assert.Equal(config.Users![0].User!.ClientCertificateData, view["users"]![0]!["user"]!["client-certificate-data"]!.GetValue<string>());
        Assert.Equal(config.Users[0].User!.ClientKeyData, view["users"]![0]!["user"]!["client-key-data"]!.GetValue<string>());
        Assert.Equal(("federation-cluster", "federation-user"),
            (view["contexts"]![0]!["context"]!["cluster"]!.GetValue<string>(), view["contexts"]![0]!["context"]!["user"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_sent_as_a_string_reaches_kubectl_as_a_boolean()
    {
        using var folder = new TempFolder();
        var config = Parse("""
            {"clusters":[{"name":"c","cluster":{"server":"https://127.0.0.1:6443","insecure-skip-tls-verify":"true"}}],
             "users":[{"name":"u","user":{"token":"t"}}],"contexts":[{"name":"x","context":{"cluster":"c","user":"u"}}],"current-context":"x"}
            """);
        await config.SaveAsync(folder.File("config"));

        var (exitCode, output, error) = await Kubectl.RunAsync("config", "view", "-o", "json", "--kubeconfig", folder.File("config"));

        Assert.True(exitCode == 0, error);
        Assert.True(JsonNode.Parse(output)!["clusters"]![0]!["cluster"]!["insecure-skip-tls-verify"]!.GetValue<bool>());
    }
}
