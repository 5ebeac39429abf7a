using FleetGen.Testing;

namespace FleetGen.Client.Tests.Support;

/// <summary>The environment a CLI test runs fleetgen (and kubectl, and so the exec plugin) in: the fake's token, no AK/SK, the test's own home and files.</summary>
internal static class CliEnvironment
{
    /// <param name="home">HOME, so that nothing of the user's is read or written.</param>
    /// <param name="kubeconfig">KUBECONFIG; <c>null</c> unsets it.</param>
    /// <param name="kubeCacheDirectory">KUBECACHEDIR (the credential cache is its fleetgen folder); <c>null</c> unsets it.</param>
    /// <param name="tool">A fleetgen executable whose folder goes first on PATH, for kubectl to find the exec plugin.</param>
    public static Dictionary<string, string?> Of(string home, string? kubeconfig = null, string? kubeCacheDirectory = null, string? tool = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken,
            ["HUAWEICLOUD_SDK_AK"] = null,
            ["HUAWEICLOUD_SDK_SK"] = null,
            ["HOME"] = home,
            ["KUBECONFIG"] = kubeconfig,
            ["KUBECACHEDIR"] = kubeCacheDirectory,
            ["KUBERNETES_EXEC_INFO"] = null,
        };
        if (tool is not null)
        {
            environment["PATH"] = Path.GetDirectoryName(tool) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        return environment;
    }
}
