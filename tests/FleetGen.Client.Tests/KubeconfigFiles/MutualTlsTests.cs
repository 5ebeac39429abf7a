using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;
using k8s;

namespace FleetGen.Client.Tests.KubeconfigFiles;

/// <summary>A saved kubeconfig used by real Kubernetes clients through mutual TLS against a server on 127.0.0.1.</summary>
[Trait("Category", "Slow")]
public sealed class MutualTlsTests : IDisposable
{
    private readonly FakeCertificateAuthority pki = new();
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        pki.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task kubectl_reaches_the_server_through_mutual_tls_with_the_saved_kubeconfig()
    {
        await using var endpoint = await FakeKubernetesEndpoint.StartAsync(pki);
        var path = folder.File("config");
        await KubeconfigSamples.Federation(pki, endpoint.Url.ToString().TrimEnd('/')).SaveAsync(path);

        var (exitCode, output, error) = await Kubectl.RunAsync("--kubeconfig", path, "get", "--raw", "/version");

        Assert.True(exitCode == 0, error);
        Assert.Contains(FakeKubernetesEndpoint.GitVersion, output, StringComparison.Ordinal);
        Assert.True(endpoint.VersionRequests > 0);
    }

    [Fact]
    public async Task kubectl_refuses_the_server_when_the_kubeconfig_carries_another_ca()
    {
        await using var endpoint = await FakeKubernetesEndpoint.StartAsync(pki);
        using var otherPki = new FakeCertificateAuthority("Another CA");
        var config = KubeconfigSamples.Federation(pki, endpoint.Url.ToString().TrimEnd('/'));
        config.Clusters![0].Cluster!.CertificateAuthorityData = FakeCertificateAuthority.ToBase64Pem(otherPki.Certificate);
        var path = folder.File("config");
        await config.SaveAsync(path);

        var (exitCode, _, error) = await Kubectl.RunAsync("--kubeconfig", path, "get", "--raw", "/version", "--request-timeout", "20s");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("certificate signed by unknown authority", error, StringComparison.Ordinal);
        Assert.Equal(0, endpoint.VersionRequests);
    }

    [Fact]
    public async Task KubernetesClient_loads_the_saved_file_and_calls_the_server()
    {
        await using var endpoint = await FakeKubernetesEndpoint.StartAsync(pki);
        var path = folder.File("config");
        await KubeconfigSamples.Federation(pki, endpoint.Url.ToString().TrimEnd('/')).SaveAsync(path);

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        using var kubernetes = new Kubernetes(configuration);
        var version = await kubernetes.Version.GetCodeAsync();

        Assert.Equal((endpoint.Url.ToString().TrimEnd('/'), "federation"), (configuration.Host.TrimEnd('/'), configuration.CurrentContext));
        Assert.Equal(FakeKubernetesEndpoint.GitVersion, version.GitVersion);
    }
}
