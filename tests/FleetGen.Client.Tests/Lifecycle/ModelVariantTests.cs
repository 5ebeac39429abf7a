using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Client.Models;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.OpenApi;

namespace FleetGen.Client.Tests.Lifecycle;

/// <summary>Every published reading of the models is read alike: the contract's documented examples and the fake's variants.</summary>
public sealed class ModelVariantTests
{
    private const string Fleet = "fleet-new";

    public static TheoryData<string> ProgressExamples() => new() { "HuaweiCloud", "OpenTelekomCloud", "LowerCase" };

    [Theory]
    [MemberData(nameof(ProgressExamples))]
    public async Task Every_documented_job_example_reads_through_the_accessors(string example)
    {
        var job = Parse(await ExampleAsync("/v1/clustergroups/{clustergroupid}/federations/progress", HttpMethod.Get, "200", example), Job.CreateFromDiscriminatorValue);

        Assert.True(job.HasSucceeded());
        Assert.Equal("7c9e6679-7425-40de-944b-e07fc1f90ae7", job.Spec!.GetFederationUid());
        DateTimeOffset? documentedStart = new DateTimeOffset(2023, 7, 31, 13, 16, 20, TimeSpan.Zero).AddTicks(7157790);
        (int SubJobs, long? Generation, DateTimeOffset? Start, int ExtendParameters) expected = example switch
        {
            "HuaweiCloud" => (1, 1, documentedStart, 0),
            "OpenTelekomCloud" => (0, 1, null, 1),
            _ => (1, null, documentedStart, 0),
        };
        Assert.Equal(expected, (job.Spec.GetSubJobs().Count, job.Metadata?.GetGeneration(), job.Status!.GetStartTime(), job.Spec.GetExtendParameters().Count));
        if (expected.Start is not null)
        {
            Assert.Equal(new DateTimeOffset(2023, 7, 31, 13, 20, 2, TimeSpan.Zero).AddTicks(1042260), job.Status.GetCompletionTime());
        }
    }

    [Fact]
    public async Task The_documented_fleet_examples_read_their_federation_facts()
    {
        var connected = Parse(await ExampleAsync("/v1/clustergroups/{clustergroupid}", HttpMethod.Get, "200", "FederationAvailable"), ClusterGroup.CreateFromDiscriminatorValue);
        var unhealthy = Parse(await ExampleAsync("/v1/clustergroups/{clustergroupid}", HttpMethod.Get, "200", "FederationUnavailable"), ClusterGroup.CreateFromDiscriminatorValue);

        Assert.True(connected.IsFederationReady());
        Assert.Equal("3f2b8a91-4c1e-4d7a-9b5e-2a6c8d0e1f3a1", Assert.Single(connected.GetConnectionEndpoints()).Id);
        Assert.Equal(new DateTimeOffset(2023, 7, 31, 13, 20, 2, TimeSpan.Zero), connected.GetFederationCondition()!.GetLastTransitionTime());
        Assert.Equal(2025, connected.Spec!.GetFederationExpiration()!.Value.Year);
        Assert.False(unhealthy.IsFederationReady());
        Assert.Equal(("Unavailable", "component volcano-scheduler is unhealthy"), (unhealthy.GetFederationCondition()!.Status, unhealthy.GetFederationCondition()!.Message));
        Assert.Null(unhealthy.GetFederationCondition()!.GetLastTransitionTime());
    }

    [Theory]
    [InlineData(FakeUcsModelVariant.HuaweiCloud, JsonValueKind.String)]
    [InlineData(FakeUcsModelVariant.OpenTelekomCloud, JsonValueKind.False)]
    [InlineData(FakeUcsModelVariant.LowerCase, JsonValueKind.String)]
    public async Task A_kubeconfig_skips_no_tls_verification_as_a_string_or_as_the_boolean_of_one_edition(FakeUcsModelVariant variant, JsonValueKind sent)
    {
        await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { ModelVariant = variant });
        using var client = new FleetClient(server.ClientOptions());
        var kubeconfig = await client.Federation.CreateFederationCertAsync("fleet-demo", ClientFixture.Request());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/v1/clustergroups/fleet-demo/cert")) { Content = new ByteArrayContent(server.Requests[^1].Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Auth-Token", FakeUcsServerOptions.DefaultToken);
        using var answer = await http.SendAsync(request);

        var raw = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("insecure-skip-tls-verify");
        Assert.Equal(sent, raw.ValueKind);
        Assert.False(kubeconfig!.Clusters![0].Cluster!.InsecureSkipTlsVerify!.AsBoolean());
    }

    [Theory]
    [InlineData(FakeUcsModelVariant.HuaweiCloud)]
    [InlineData(FakeUcsModelVariant.OpenTelekomCloud)]
    [InlineData(FakeUcsModelVariant.LowerCase)]
    public async Task The_whole_lifecycle_works_on_every_variant_of_the_answers(FakeUcsModelVariant variant)
    {
        await using var fixture = await LifecycleFixture.StartAsync(variant);
        fixture.Server.AddFleet(Fleet, federationEnabled: false);

        var enable = await fixture.Client.StartEnableFederationAsync(Fleet);
        await enable.WaitForCompletionAsync(LifecycleFixture.Wait());
        var created = enable.Value;
        var upgrade = await fixture.Client.StartUpgradeFederationAsync(Fleet);
        await upgrade.WaitForCompletionAsync(LifecycleFixture.Wait());
        var rollback = await fixture.Client.Federation.RollbackFederationAsync(Fleet);
        await fixture.Client.WaitForFederationAsync(Fleet, LifecycleFixture.Wait());
        var disable = await fixture.Client.StartDisableFederationAsync(Fleet);
        await disable.WaitForCompletionAsync(LifecycleFixture.Wait());
        var deleted = disable.Value;

        Assert.Equal(4, created.Spec!.GetSubJobs().Count);
        Assert.NotNull(created.Spec.GetFederationUid());
        Assert.NotNull(created.Status!.GetCompletionTime());
        Assert.True(created.Status.GetCompletionTime() > created.Status.GetStartTime());
        Assert.Equal(1, created.Metadata!.GetGeneration());
        Assert.Equal(variant == FakeUcsModelVariant.OpenTelekomCloud ? 1 : 0, created.Spec.GetExtendParameters().Count);
        Assert.Equal(variant == FakeUcsModelVariant.HuaweiCloud, rollback?.JobId is not null);
        Assert.Equal(FederationJobType.DeleteFederation, deleted!.Spec!.Type);
    }

    [Theory]
    [InlineData("2023-07-31 13:16:20.715779 +0000 UTC", "2023-07-31T13:16:20.7157790+00:00")]
    [InlineData("2023-07-31 21:16:20.123456789 +0800 CST", "2023-07-31T21:16:20.1234567+08:00")]
    [InlineData("2023-07-31 13:16:20 +0000 UTC", "2023-07-31T13:16:20.0000000+00:00")]
    [InlineData("2023-07-31T13:16:20Z", "2023-07-31T13:16:20.0000000+00:00")]
    [InlineData("2023-07-31T15:16:20.5+02:00", "2023-07-31T15:16:20.5000000+02:00")]
    [InlineData("0001-01-01T00:00:00Z", null)]
    [InlineData("", null)]
    [InlineData("yesterday", null)]
    public void Times_are_read_in_Go_format_and_RFC_3339_and_the_zero_time_is_unknown(string text, string? expected)
    {
        var status = new JobStatus { StartTime = text };

        Assert.Equal(expected, status.GetStartTime()?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> ExampleAsync(string path, HttpMethod method, string status, string example)
    {
        var document = await ContractDocument.LoadAsync();
        var media = document.Paths[path].Operations![method].Responses![status].Content!["application/json"];
        return media.Examples![example].Value!.ToJsonString();
    }

    private static T Parse<T>(string json, Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<T> factory)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        using var document = JsonDocument.Parse(json);
        return new JsonParseNode(document.RootElement.Clone()).GetObjectValue(factory)!;
    }
}
