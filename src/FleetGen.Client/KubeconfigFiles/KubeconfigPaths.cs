namespace FleetGen.Client.KubeconfigFiles;

/// <summary>Where kubectl looks for its kubeconfig.</summary>
public static class KubeconfigPaths
{
    /// <summary>The first entry of <c>KUBECONFIG</c> when it is set, else <c>~/.kube/config</c>.</summary>
    public static string Default() =>
        Default(Environment.GetEnvironmentVariable("KUBECONFIG"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    internal static string Default(string? kubeconfigVariable, string home) =>
        (kubeconfigVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
        ?? Path.Combine(home, ".kube", "config");
}
