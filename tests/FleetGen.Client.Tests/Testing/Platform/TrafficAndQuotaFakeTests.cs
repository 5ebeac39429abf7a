using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The fake's DNS record sets and quotas through the SDK.</summary>
public sealed class TrafficAndQuotaFakeTests
{
    private const string Project = "05041fffa40025702f6dc009cc6f8f33";
    private const string Zone = "ff8080828f71b6ee018f93f9dbb818cf";

    [Fact]
    public async Task Record_sets_are_created_in_their_zone_listed_and_a_duplicate_fails_the_whole_batch()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var traffic = fixture.Client.Traffic;

        var created = await traffic.CreateRecordSetAsync(Project, Zone, [Record("www.abcdef.com.", "192.168.10.10")]);
        var duplicate = await Assert.ThrowsAsync<UcsApiException>(() => traffic.CreateRecordSetAsync(Project, Zone, [Record("api.abcdef.com.", "192.168.10.11"), Record("www.abcdef.com.", "192.168.10.12")]));
        var listed = await traffic.ListRecordSetsAsync();

        var recordSet = Assert.Single(created);
        Assert.Equal((Zone, "abcdef.com.", Project, "A", 300), (recordSet.ZoneId, recordSet.ZoneName, recordSet.ProjectId, recordSet.Type, recordSet.Ttl));
        Assert.Equal((400, UcsErrorCodes.RecordSetCreateFailed), (duplicate.StatusCode, duplicate.ErrorCode));
        Assert.Equal((1, recordSet.Id), (listed.Metadata!.TotalCount, Assert.Single(listed.Recordsets!).Id));
        Assert.Equal(["192.168.10.10"], Assert.Single(fixture.Server.RecordSets).Records);
    }

    [Fact]
    public async Task Quotas_are_the_documented_ones_with_what_the_state_uses_and_another_domain_is_refused()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        fixture.Server.AddPermissionRule("readers");
        fixture.Server.AddPermissionRule("developers", "develop");
        fixture.Server.AddFleet("fleet-plain", federationEnabled: false);

        var quota = await fixture.Client.Quota.ShowQuotaAsync(new FakeUcsServerOptions().DomainId);
        var other = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.Quota.ShowQuotaAsync("another-domain"));

        Assert.Equal(
            ["cluster 75 used 1", "clustergroup 50 used 2", "rule 50 used 2", "federation 10 used 1"],
            quota.Quotas!.Resources!.Select(r => $"{r.Type} {r.Quota!.Int64} used {r.Used!.Int64}"));
        Assert.Equal((403, UcsErrorCodes.RequestForbidden), (other.StatusCode, other.ErrorCode));
    }

    private static CreateRecordSetRequestBody Record(string name, string address) => new()
    {
        Name = name,
        Ttl = 300,
        Type = CreateRecordSetRequestBody_type.A,
        Line = "default_view",
        Weight = 1,
        Records = [address],
    };
}
