using System.Text;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// What merging a kubeconfig with one cluster, user and context of the same name would change in the kubeconfig files,
/// found with every check of the merge and nothing written (a preview, <c>--dry-run</c>). <see cref="ApplyAsync"/> then
/// merges the kubeconfig with the same names and options, planned again under the files' locks: what other processes
/// merged in between is kept (a current context one of them set stays current unless
/// <see cref="KubeconfigMergeOptions.SetCurrentContext"/> was asked), and only a conflict with this merge's names
/// refuses.
/// </summary>
public sealed class KubeconfigMergePlan
{
    internal KubeconfigMergePlan(
        IReadOnlyList<KubeconfigEntryChange> changes,
        string path,
        string context,
        string? currentContextBefore,
        string? currentContextAfter,
        string? currentContextPath,
        string? requestedPath,
        KubeconfigMergeOptions options)
    {
        Changes = changes;
        Path = path;
        Context = context;
        CurrentContextBefore = currentContextBefore;
        CurrentContextAfter = currentContextAfter;
        CurrentContextPath = currentContextPath;
        RequestedPath = requestedPath;
        Options = options;
    }

    /// <summary>The cluster, context and user the merge adds or replaces, each with the file it goes to.</summary>
    public IReadOnlyList<KubeconfigEntryChange> Changes { get; }

    /// <summary>The file that will hold the context.</summary>
    public string Path { get; }

    /// <summary>The name of the merged cluster, user and context.</summary>
    public string Context { get; }

    /// <summary>The current context now (<c>null</c> when no file sets one).</summary>
    public string? CurrentContextBefore { get; }

    /// <summary>The current context after the merge.</summary>
    public string? CurrentContextAfter { get; }

    /// <summary>The file whose <c>current-context</c> the merge sets; <c>null</c> when it stays as it is.</summary>
    public string? CurrentContextPath { get; }

    /// <summary>Every file the merge writes.</summary>
    public IReadOnlyList<string> FilesToWrite =>
        Changes.Select(c => c.Path).Concat(CurrentContextPath is null ? [] : [CurrentContextPath]).Distinct(StringComparer.Ordinal).ToList();

    internal string? RequestedPath { get; }

    private KubeconfigSpaceReservation? reservation;

    internal KubeconfigMergeOptions Options { get; }

    /// <summary>
    /// Plans the merge of entries named <paramref name="entryName"/> (or <see cref="KubeconfigMergeOptions.ContextName"/>)
    /// into <paramref name="path"/> (default: the files of <see cref="KubeconfigPaths.FromEnvironment()"/>), with every
    /// check the merge makes. Nothing is written.
    /// </summary>
    /// <exception cref="KubeconfigException">With every problem found: the merge would fail.</exception>
    public static Task<KubeconfigMergePlan> CreateAsync(string entryName, string? path = null, KubeconfigMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entryName);
        KubeconfigPreflight.CheckName(options?.ContextName);
        return KubeconfigMerger.PlanAsync(entryName, path, options ?? new KubeconfigMergeOptions(), cancellationToken);
    }

    /// <summary>
    /// Merges <paramref name="kubeconfig"/> (one cluster, user and context, renamed to <see cref="Context"/>) with this
    /// plan's options: validated, under the files' locks, planned again there so that concurrent merges all succeed.
    /// </summary>
    /// <exception cref="KubeconfigException">The kubeconfig is not valid, or the files now hold entries of these names that another context uses; nothing was written.</exception>
    public Task<KubeconfigMergeResult> ApplyAsync(Models.Kubeconfig kubeconfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        return KubeconfigMerger.ApplyAsync(this, kubeconfig, reservation, cancellationToken);
    }

    /// <summary>
    /// Takes the disk space the merge will need now, before the call that creates the credentials: a temporary file
    /// beside each file the plan writes, the size of that file and some more, used by <see cref="ApplyAsync"/>. A full
    /// disk is found here, while nothing has been created yet. Disposing the reservation gives the space back.
    /// </summary>
    /// <exception cref="KubeconfigException">The space cannot be taken (no space left, or the folder cannot be written).</exception>
    internal KubeconfigSpaceReservation ReserveSpace() => reservation = KubeconfigSpaceReservation.Reserve(FilesToWrite, Path);

    /// <summary>The plan, a line each (names and paths escaped, so no value can start a line): the entries added or replaced and the current context before and after.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var change in Changes)
        {
            text.AppendLine(change.ToString());
        }

        text.Append(CurrentContextPath is null
            ? $"current context: {Shown(CurrentContextBefore)} (unchanged)"
            : $"current context: {Shown(CurrentContextBefore)} -> {Shown(CurrentContextAfter)} in {SafeText.OneLine(CurrentContextPath)}");
        return text.ToString();
    }

    private static string Shown(string? context) => context is null ? "(none)" : $"\"{SafeText.OneLine(context)}\"";
}

/// <summary>One entry a merge adds or replaces.</summary>
/// <param name="Section"><c>clusters</c>, <c>contexts</c> or <c>users</c>.</param>
/// <param name="Name">The entry's name.</param>
/// <param name="Path">The file it goes to.</param>
/// <param name="Kind">Whether it is new or replaces an entry of the same name in that file.</param>
public sealed record KubeconfigEntryChange(string Section, string Name, string Path, KubeconfigChangeKind Kind)
{
    /// <summary>One line, whatever the name and path hold: control characters are escaped (<see cref="SafeText.OneLine"/>).</summary>
    public override string ToString() => Kind == KubeconfigChangeKind.Add
        ? $"add {Section}[\"{SafeText.OneLine(Name)}\"] to {SafeText.OneLine(Path)}"
        : $"replace {Section}[\"{SafeText.OneLine(Name)}\"] in {SafeText.OneLine(Path)}";
}

/// <summary>What a merge does with one entry.</summary>
public enum KubeconfigChangeKind
{
    /// <summary>The entry is new.</summary>
    Add,

    /// <summary>The entry replaces one of the same name.</summary>
    Replace,
}
