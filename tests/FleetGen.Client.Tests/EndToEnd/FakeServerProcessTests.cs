using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.EndToEnd;

/// <summary>FleetGen.Testing as a source of kubeconfigs for mocks (the fake as a process: <see cref="FakeToolProcessTests"/>).</summary>
public sealed class FakeServerProcessTests
{
    [Fact]
    public async Task One_line_makes_a_kubeconfig_that_passes_every_check_and_merges()
    {
        using var folder = new TempFolder();

        var kubeconfig = FakeCertificateAuthority.CreateKubeconfig("mocked-fleet");

        kubeconfig.Validate();
        var merged = await kubeconfig.MergeIntoAsync(folder.File("config"), new KubeconfigMergeOptions { SetCurrentContext = true });
        Assert.Equal(("mocked-fleet", "mocked-fleet"), (merged.Context, merged.CurrentContext));
        Assert.NotNull(kubeconfig.GetCurrentClientCertificateExpiry());
    }
}
