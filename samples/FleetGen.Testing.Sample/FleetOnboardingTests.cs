using FleetGen.Client;
using Xunit;

namespace FleetGen.Testing.Sample;

public sealed class FleetOnboardingTests : IAsyncLifetime
{
    private static readonly FederationWaitOptions Wait = new() { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) };
    private FakeUcsServer ucs = null!;
    private readonly string kubeconfig = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}", "config");

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromMilliseconds(50) });
    public async Task DisposeAsync()
    {
        await ucs.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(kubeconfig)))
        {
            Directory.Delete(Path.GetDirectoryName(kubeconfig)!, recursive: true);
        }
    }

    [Fact]
    public async Task Enables_federation_then_merges_credentials_and_never_makes_a_second_endpoint()
    {
        ucs.AddFleet("fleet-b", federationEnabled: false);
        using var client = new FleetClient(ucs.ClientOptions());
        var onboarding = new FleetOnboarding(client, Wait);

        Assert.Equal("fed-fleet-b", await onboarding.OnboardAsync("fleet-b", kubeconfig));
        Assert.Equal("fed-fleet-b", await onboarding.OnboardAsync("fleet-b", kubeconfig));

        var posts = ucs.Requests.Where(r => r.Method == "POST").Select(r => r.RawTarget.Split('/')[^1]);
        Assert.Equal(["federations", "cert", "kubeconfig"], posts);
    }

    [Fact]
    public async Task A_failed_federation_job_names_the_sub_job()
    {
        ucs.AddFleet("fleet-c", federationEnabled: false);
        ucs.FailNextJob("CreateNetworkResource", "no free IP addresses in subnet");
        using var client = new FleetClient(ucs.ClientOptions());

        var error = await Assert.ThrowsAsync<FederationJobFailedException>(() => new FleetOnboarding(client, Wait).OnboardAsync("fleet-c", kubeconfig));

        Assert.Equal("CreateNetworkResource", error.FailedSubJob);
    }
}
