using System.Text.Json.Nodes;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace FleetGen.Client.Tests.GeneratedClient;

/// <summary>The generated client against a real HTTP server on 127.0.0.1, with the documented bodies.</summary>
public sealed class GeneratedClientTests
{
    private static UcsApiClient ClientFor(LoopbackServer server, HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = server.BaseUrl.ToString().TrimEnd('/') });

    private static async Task<CreateFederationCertRequestBody> DocumentedRequestAsync()
    {
        var example = await DocumentedExamples.RequestAsync();
        return new CreateFederationCertRequestBody
        {
            ProjectID = example["projectID"]!.GetValue<string>(),
            VpcID = example["vpcID"]!.GetValue<string>(),
            SubnetID = example["subnetID"]!.GetValue<string>(),
            Duration = example["duration"]!.GetValue<int>(),
        };
    }

    [Fact]
    public async Task Documented_response_example_deserializes_into_a_fully_populated_model()
    {
        var example = await DocumentedExamples.ResponseAsync();
        await using var server = await LoopbackServer.StartAsync(201, example.ToJsonString());
        using var http = new HttpClient();

        var config = await ClientFor(server, http).V1.Clustergroups["fleet-1"].Cert.PostAsync(await DocumentedRequestAsync());

        Assert.NotNull(config);
        Assert.Equal(("Config", "v1", "demo"), (config.Kind, config.ApiVersion, config.CurrentContext));
        var cluster = Assert.Single(config.Clusters!);
        Assert.Equal(("cluster-demo", "https://ip:port", ""), (cluster.Name, cluster.Cluster!.Server, cluster.Cluster.CertificateAuthorityData));
        var user = Assert.Single(config.Users!);
        Assert.Equal(("user", "", "", ""), (user.Name, user.User!.ClientCertificateData, user.User.ClientKeyData, user.User.Token));
        var context = Assert.Single(config.Contexts!);
        Assert.Equal(("demo", "cluster-demo", "user"), (context.Name, context.Context!.Cluster, context.Context.User));
        Assert.Empty(config.AdditionalData);
    }

    [Fact]
    public async Task Documented_request_goes_on_the_wire_with_the_documented_json_names()
    {
        await using var server = await LoopbackServer.StartAsync(201, (await DocumentedExamples.ResponseAsync()).ToJsonString());
        using var http = new HttpClient();

        await ClientFor(server, http).V1.Clustergroups["fleet-1"].Cert.PostAsync(await DocumentedRequestAsync());

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/clustergroups/fleet-1/cert"), (request.Method, request.RawTarget));
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(await DocumentedExamples.RequestAsync(), JsonNode.Parse(request.Body)));
    }

    [Theory]
    [InlineData("true", true, null, true)]
    [InlineData("false", false, null, false)]
    [InlineData("\"true\"", null, "true", true)]
    [InlineData("\"False\"", null, "False", false)]
    public async Task Insecure_skip_tls_verify_is_accepted_as_boolean_and_as_string_without_losing_the_value(
        string json, bool? asSentBoolean, string? asSentString, bool meaning)
    {
        var body = """{"clusters":[{"name":"c","cluster":{"server":"https://h","insecure-skip-tls-verify":""" + json + "}}]}";
        await using var server = await LoopbackServer.StartAsync(201, body);
        using var http = new HttpClient();

        var config = await ClientFor(server, http).V1.Clustergroups["f"].Cert.PostAsync(await DocumentedRequestAsync());

        var skip = config!.Clusters![0].Cluster!.InsecureSkipTlsVerify!;
        Assert.Equal((asSentBoolean, asSentString), (skip.Boolean, skip.String));
        Assert.Equal(meaning, skip.AsBoolean());
    }

    [Fact]
    public void Insecure_skip_tls_verify_that_is_no_boolean_string_is_a_clear_error()
    {
        var skip = new ClusterCert.ClusterCert_insecureSkipTlsVerify { String = "yes" };

        var error = Assert.Throws<FormatException>(() => skip.AsBoolean());

        Assert.Contains("insecure-skip-tls-verify", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"yes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_the_entries_and_never_shows_keys_or_tokens()
    {
        var config = new Kubeconfig
        {
            CurrentContext = "demo",
            Clusters = [new NamedCluster { Name = "cluster-demo", Cluster = new ClusterCert { Server = "https://10.0.0.1:5443", CertificateAuthorityData = "Q0EtREFUQQ==" } }],
            Users = [new NamedAuthInfo { Name = "user", User = new AuthInfo { ClientCertificateData = "Q0VSVA==", ClientKeyData = "S0VZLVNFQ1JFVA==", Token = "tok-secret" } }],
            Contexts = [new NamedContext { Name = "demo", Context = new Context { Cluster = "cluster-demo", User = "user" } }],
        };

        var text = config + " " + config.Users[0].User;

        Assert.Equal(
            "Kubeconfig current-context: demo; clusters: [cluster-demo -> https://10.0.0.1:5443]; users: [user]; contexts: [demo -> cluster-demo/user] " +
            "AuthInfo client-certificate-data: (redacted); client-key-data: (redacted); token: (redacted)",
            text);
        Assert.DoesNotContain("S0VZLVNFQ1JFVA==", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-secret", text, StringComparison.Ordinal);
    }
}
