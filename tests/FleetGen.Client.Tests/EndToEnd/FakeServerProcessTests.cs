using System.Diagnostics;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.EndToEnd;

/// <summary>FleetGen.Testing as a guest in other processes and as a source of kubeconfigs for mocks.</summary>
public sealed class FakeServerProcessTests
{
    private static readonly string Host = Path.Combine(Repo.Root, "samples", "FleetGen.FakeServer", "bin", Repo.Configuration, "net10.0", "FleetGen.FakeServer.dll");

    [Fact]
    [Trait("Category", "Slow")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_process_hosting_the_fake_ends_on_SIGTERM_instead_of_answering_on()
    {
        var start = new ProcessStartInfo("dotnet", [Host]) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            var url = new Uri(line!["Fake UCS server: ".Length..]);
            using var http = new HttpClient();
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(url, "/v1/clustergroups/fleet-demo"))).StatusCode);

            using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(143, process.ExitCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(url, "/v1/clustergroups/fleet-demo")));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

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
