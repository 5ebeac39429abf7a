using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Tests.Client;

/// <summary>
/// CreateClusterKubeconfig's answer is checked by the library as the federation's is: every kubeconfig rule on the
/// whole answer and no expired client certificate, before an SDK caller (or fleetgen) gets it.
/// </summary>
public sealed class ClusterKubeconfigAnswerTests
{
    private const string ClusterId = "c-eu-1";

    [Fact]
    public async Task A_kubeconfig_with_an_internal_and_an_external_context_is_returned_whole_with_the_names_UCS_gave()
    {
        using var pki = new FakeCertificateAuthority();
        var answer = WithExternalContext(pki, pki.IssueKubeconfig("internal", "https://192.168.1.251:5443"), user: "internal");

        var config = await CreateAsync(answer);

        Assert.Equal(["internal", "external"], config.Contexts!.Select(c => c.Name));
        Assert.Equal(["internal", "externalCluster"], config.Clusters!.Select(c => c.Name));
        Assert.Equal("external", config.CurrentContext);
    }

    [Fact]
    public async Task A_context_whose_user_is_missing_is_an_unusable_answer_naming_it()
    {
        using var pki = new FakeCertificateAuthority();
        var answer = WithExternalContext(pki, pki.IssueKubeconfig("internal", "https://192.168.1.251:5443"), user: "ghost");

        var error = await Assert.ThrowsAsync<UcsApiException>(() => CreateAsync(answer));

        Assert.Equal(201, error.StatusCode);
        Assert.Contains("the body is not a usable kubeconfig: contexts[\"external\"]: user \"ghost\" is not in users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_client_certificate_is_an_unusable_answer_naming_the_user_the_cluster_and_the_dates()
    {
        using var past = new FakeCertificateAuthority(time: new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var answer = past.IssueKubeconfig("internal", "https://192.168.1.251:5443", TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => CreateAsync(answer));

        Assert.Matches($"the client certificate of user \"internal\" for cluster {ClusterId} has expired: valid from 2024-12-31T\\d\\d:\\d\\d:\\d\\dZ to 2025-01-02T00:00:00Z", error.Message);
    }

    private static Kubeconfig WithExternalContext(FakeCertificateAuthority pki, Kubeconfig answer, string user)
    {
        answer.Clusters!.Add(new NamedCluster { Name = "externalCluster", Cluster = new ClusterCert { Server = "https://203.0.113.7:5443", CertificateAuthorityData = pki.CertificateData } });
        answer.Contexts!.Add(new NamedContext { Name = "external", Context = new Context { Cluster = "externalCluster", User = user } });
        answer.CurrentContext = "external";
        return answer;
    }

    private static async Task<Kubeconfig> CreateAsync(Kubeconfig answer)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, answer);
        var json = await new StreamReader(writer.GetSerializedContent()).ReadToEndAsync();
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, json));
        using var client = new FleetClient(ClientFixture.Options(server));
        return await client.Cluster.CreateClusterKubeconfigAsync(ClusterId);
    }
}
