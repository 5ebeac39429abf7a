using System.Net;
using System.Text.Json;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The platform state through the fake's admin API, as a process-hosted fake's user reads it.</summary>
public sealed class PlatformAdminApiTests
{
    [Fact]
    public async Task Get_platform_shows_the_state_the_SDK_made_and_other_methods_are_405()
    {
        await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { AdminApi = true, TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow) });
        using var client = new FleetClient(server.ClientOptions());
        server.AddPermissionRule("readers", "readonly", "user-1");
        server.AddCluster(PlatformFixture.Cluster);
        var job = await client.Policy.EnableClusterPolicyAsync(PlatformFixture.Cluster);
        using var http = new HttpClient();

        using var platform = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.AdminUrl!, "_fake/platform")));
        using var post = await http.PostAsync(new Uri(server.AdminUrl!, "_fake/platform"), new StringContent("{}"));

        var root = platform.RootElement;
        Assert.Equal("readers", root.GetProperty("permissionRules")[0].GetProperty("name").GetString());
        var policyJob = root.GetProperty("policyJobs")[0];
        Assert.Equal((job.JobID, "EnablePolicy", $"cluster/{PlatformFixture.Cluster}", "Running"), (policyJob.GetProperty("uid").GetString(), policyJob.GetProperty("type").GetString(), policyJob.GetProperty("target").GetString(), policyJob.GetProperty("status").GetString()));
        Assert.Equal(0, root.GetProperty("addonInstances").GetArrayLength());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }
}
