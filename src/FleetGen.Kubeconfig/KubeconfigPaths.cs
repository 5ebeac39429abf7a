namespace FleetGen.Client.KubeconfigFiles;

/// <summary>Where kubectl looks for its kubeconfig, and which of several files it writes.</summary>
public static class KubeconfigPaths
{
    /// <summary>The files kubectl reads, in order: the entries of <c>KUBECONFIG</c> (duplicates and empty entries left out), else <c>~/.kube/config</c>.</summary>
    public static IReadOnlyList<string> FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable("KUBECONFIG"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The file kubectl writes new entries to: the only file, else the first of them that exists, else the last.</summary>
    public static string Default() => DefaultOf(FromEnvironment());

    internal static IReadOnlyList<string> FromEnvironment(string? kubeconfigVariable, string home)
    {
        var files = (kubeconfigVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : [Path.Combine(home, ".kube", "config")];
    }

    internal static string DefaultOf(IReadOnlyList<string> files) =>
        files.Count == 1 ? files[0] : files.FirstOrDefault(f => File.Exists(f) || Directory.Exists(f) || new FileInfo(f).LinkTarget is not null) ?? files[^1];
}
