namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// A kubeconfig that cannot be used or written (a local file problem, hence an <see cref="IOException"/>): each problem
/// names the entry and the rule it breaks. Messages never contain certificate, key or token data.
/// </summary>
public sealed class KubeconfigException : IOException
{
    /// <summary>Creates the exception for one or more problems, optionally in the file at <paramref name="path"/>.</summary>
    public KubeconfigException(IReadOnlyList<string> problems, string? path = null, Exception? innerException = null)
        : base(Describe(problems, path), innerException)
    {
        Problems = problems;
        Path = path;
    }

    /// <summary>The problems, each naming its entry, e.g. <c>contexts["demo"]: cluster "c1" is not in clusters</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The kubeconfig file concerned, when there is one.</summary>
    public string? Path { get; }

    private static string Describe(IReadOnlyList<string> problems, string? path)
    {
        var subject = path is null ? "The kubeconfig" : $"The kubeconfig {path}";
        return problems.Count == 1
            ? $"{subject} is not valid: {problems[0]}"
            : $"{subject} is not valid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}";
    }
}
