using FleetGen.Client.Models;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Merges one cluster, user and context into the kubeconfig files kubectl uses, as kubectl would write them: an entry
/// that exists goes back into the file that defines it first, a new entry into the default file
/// (<see cref="KubeconfigPaths.DefaultOf"/>), the current context into the first file that sets one. It refuses, unless
/// told to overwrite, to replace a cluster or user that another context uses, or a context that points elsewhere.
/// The same checks run without writing (<see cref="PlanAsync"/>) before a create call, so a merge that would fail
/// fails before anything is sent; the merge itself (<see cref="ApplyAsync"/>) plans again under the locks, so merges
/// running at once into the same files all succeed unless their names conflict.
/// </summary>
internal static class KubeconfigMerger
{
    public static async Task<KubeconfigMergeResult> MergeAsync(Kubeconfig incoming, string? path, KubeconfigMergeOptions options, CancellationToken cancellationToken)
    {
        incoming.Validate();
        var renamed = string.IsNullOrEmpty(options.ContextName) ? incoming : incoming.WithEntryNames(options.ContextName);
        return (await RunAsync(renamed, EntryNames.Of(renamed), path, options, reservation: null, cancellationToken).ConfigureAwait(false)).Result!;
    }

    public static async Task<KubeconfigMergePlan> PlanAsync(string entryName, string? path, KubeconfigMergeOptions options, CancellationToken cancellationToken) =>
        (await RunAsync(null, new EntryNames(options.ContextName ?? entryName), path, options, reservation: null, cancellationToken).ConfigureAwait(false)).Plan;

    /// <summary>Merges <paramref name="incoming"/>, renamed to the plan's names, planned again under the locks; the files go through the space reserved for them, if any.</summary>
    public static async Task<KubeconfigMergeResult> ApplyAsync(KubeconfigMergePlan plan, Kubeconfig incoming, KubeconfigSpaceReservation? reservation, CancellationToken cancellationToken)
    {
        incoming.Validate();
        var renamed = incoming.WithEntryNames(plan.Context);
        return (await RunAsync(renamed, EntryNames.Of(renamed), plan.RequestedPath, plan.Options, reservation, cancellationToken).ConfigureAwait(false)).Result!;
    }

    private static async Task<(KubeconfigMergePlan Plan, KubeconfigMergeResult? Result)> RunAsync(Kubeconfig? incoming, EntryNames names, string? path, KubeconfigMergeOptions options, KubeconfigSpaceReservation? reservation, CancellationToken cancellationToken)
    {
        var paths = path is null ? KubeconfigPaths.FromEnvironment() : [path];
        var (targets, defaultFile) = Resolve(paths);
        var locks = new List<KubeconfigFileLock>();
        try
        {
            // A plan writes nothing, not even the folder of a lock file.
            foreach (var target in targets.Where(t => (t.Exists || t.Path == defaultFile.Path) && (incoming is not null || Directory.Exists(Path.GetDirectoryName(t.Path)))))
            {
                locks.Add(await KubeconfigFileLock.AcquireAsync(target.Path, options.LockTimeout, cancellationToken).ConfigureAwait(false));
            }

            // Looked at again under the locks: another process may have created or replaced a file meanwhile.
            (targets, defaultFile) = Resolve(paths);
            var files = targets.Select(t => new LoadedFile(t, KubeconfigYaml.ReadRoot(t.ReadText(), t.Path))).ToList();
            var conflicts = options.OverwriteExisting ? [] : Conflicts(files, names);
            if (conflicts.Count > 0)
            {
                throw new KubeconfigException(conflicts, defaultFile.Path);
            }

            var newEntriesFile = files.First(f => f.Target.Path == defaultFile.Path);
            var additions = incoming is null ? null : KubeconfigYaml.ToNode(incoming);
            var entries = additions is null
                ? [("clusters", names.Cluster), ("contexts", names.Context), ("users", names.User)]
                : KubeconfigYaml.Sections.SelectMany(s => KubeconfigYaml.EntriesOf(additions, s).Select(e => (s, KubeconfigYaml.NameOf(e)!))).ToList();
            // Made again under the locks: what another process merged since the preview (a current context, entries of
            // its own) is kept, and only a conflict with this merge's names, found above, refuses.
            var plan = Plan(files, newEntriesFile, entries, names.Context, path, options);
            return (plan, additions is null ? null : Write(additions, plan, files, reservation, cancellationToken));
        }
        finally
        {
            foreach (var held in locks)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The files, each checked, and the one new entries go to; a problem with any file that would be read or written stops the merge.</summary>
    private static (List<KubeconfigFileTarget> Targets, KubeconfigFileTarget Default) Resolve(IReadOnlyList<string> paths)
    {
        var defaultFile = KubeconfigFileTarget.Resolve(KubeconfigPaths.DefaultOf(paths));
        var targets = paths.Select(KubeconfigFileTarget.Resolve).ToList();
        var problems = targets.Where(t => t.Exists || t.Path == defaultFile.Path).SelectMany(t => t.Problems()).ToList();
        return problems.Count == 0 ? (targets, defaultFile) : throw new KubeconfigException(problems, defaultFile.Path);
    }

    /// <summary>
    /// Where each entry goes, as kubectl writes: back into the first file that defines its name, else into the default
    /// file; the current context is set in the first file that has one (else the default file) when asked or when none has one.
    /// </summary>
    private static KubeconfigMergePlan Plan(List<LoadedFile> files, LoadedFile defaultFile, IEnumerable<(string Section, string Name)> entries, string context, string? path, KubeconfigMergeOptions options)
    {
        var changes = entries.Select(e => files.FirstOrDefault(f => f.IndexOf(e.Section, e.Name) >= 0) is { } file
            ? new KubeconfigEntryChange(e.Section, e.Name, file.Target.Path, KubeconfigChangeKind.Replace)
            : new KubeconfigEntryChange(e.Section, e.Name, defaultFile.Target.Path, KubeconfigChangeKind.Add)).ToList();
        var currentFile = files.FirstOrDefault(f => f.CurrentContext is not null);
        var before = currentFile?.CurrentContext;
        var changesCurrent = options.SetCurrentContext || before is null;
        return new KubeconfigMergePlan(
            changes,
            changes.First(c => c.Section == "contexts" && c.Name == context).Path,
            context,
            before,
            changesCurrent ? context : before,
            changesCurrent ? (currentFile ?? defaultFile).Target.Path : null,
            path,
            options);
    }

    private static KubeconfigMergeResult Write(YamlMappingNode additions, KubeconfigMergePlan plan, List<LoadedFile> files, KubeconfigSpaceReservation? reservation, CancellationToken cancellationToken)
    {
        var changed = new HashSet<LoadedFile>();
        foreach (var section in KubeconfigYaml.Sections)
        {
            foreach (var entry in KubeconfigYaml.EntriesOf(additions, section))
            {
                var name = KubeconfigYaml.NameOf(entry)!;
                var change = plan.Changes.First(c => c.Section == section && c.Name == name);
                var file = files.First(f => f.Target.Path == change.Path);
                file.Put(section, name, entry);
                changed.Add(file);
            }
        }

        if (plan.CurrentContextPath is { } currentPath)
        {
            var currentFile = files.First(f => f.Target.Path == currentPath);
            currentFile.CurrentContext = plan.CurrentContextAfter;
            changed.Add(currentFile);
        }

        foreach (var file in files.Where(changed.Contains))
        {
            file.Target.Write(KubeconfigYaml.Write(file.Root), reservation?.Take(file.Target.WritePath), cancellationToken);
        }

        return new KubeconfigMergeResult(plan.Path, plan.Context, plan.CurrentContextAfter);
    }

    /// <summary>What the merge would replace that is not the previous copy of the same entries, in the merged view kubectl has (the first file to define a name wins).</summary>
    private static List<string> Conflicts(List<LoadedFile> files, EntryNames names)
    {
        var contexts = new Dictionary<string, (string? Cluster, string? User)>(StringComparer.Ordinal);
        foreach (var entry in files.SelectMany(f => KubeconfigYaml.EntriesOf(f.Root, "contexts")))
        {
            var context = KubeconfigYaml.Get(entry, "context") as YamlMappingNode;
            contexts.TryAdd(KubeconfigYaml.NameOf(entry)!, ((context is null ? null : KubeconfigYaml.Get(context, "cluster") as YamlScalarNode)?.Value, (context is null ? null : KubeconfigYaml.Get(context, "user") as YamlScalarNode)?.Value));
        }

        var conflicts = new List<string>();
        const string remedy = "choose another name (KubeconfigMergeOptions.ContextName) or allow it (KubeconfigMergeOptions.OverwriteExisting)";
        if (contexts.TryGetValue(names.Context, out var existing) && (existing.Cluster != names.Cluster || existing.User != names.User))
        {
            conflicts.Add($"contexts[\"{names.Context}\"] already exists for cluster \"{existing.Cluster}\" and user \"{existing.User}\"; replacing it would point it elsewhere: {remedy}");
        }

        foreach (var (section, name, role) in new[] { ("clusters", names.Cluster, 0), ("users", names.User, 1) })
        {
            var users = contexts.Where(c => c.Key != names.Context && (role == 0 ? c.Value.Cluster : c.Value.User) == name).Select(c => $"\"{c.Key}\"").ToList();
            if (users.Count > 0)
            {
                conflicts.Add($"{section}[\"{name}\"] is used by context {string.Join(", ", users)}; replacing it would change where that context goes: {remedy}");
            }
        }

        return conflicts;
    }

    private readonly record struct EntryNames(string Cluster, string User, string Context)
    {
        public EntryNames(string name)
            : this(name, name, name)
        {
        }

        public static EntryNames Of(Kubeconfig config)
        {
            var context = config.Contexts!.Single(c => c.Name == config.CurrentContext);
            return new EntryNames(context.Context!.Cluster!, context.Context.User!, context.Name!);
        }
    }

    /// <summary>One kubeconfig file of the set, read, with its entries found by name.</summary>
    private sealed class LoadedFile(KubeconfigFileTarget target, YamlMappingNode root)
    {
        public KubeconfigFileTarget Target { get; } = target;

        public YamlMappingNode Root { get; } = root;

        public string? CurrentContext
        {
            get => (KubeconfigYaml.Get(Root, "current-context") as YamlScalarNode)?.Value is { Length: > 0 } name ? name : null;
            set
            {
                SetIfMissing("apiVersion", "v1");
                SetIfMissing("kind", "Config");
                Root.Children[new YamlScalarNode("current-context")] = KubeconfigYaml.Text(value)!;
            }
        }

        public int IndexOf(string section, string name) =>
            KubeconfigYaml.Get(Root, section) is YamlSequenceNode entries
                ? entries.Children.ToList().FindIndex(e => e is YamlMappingNode m && KubeconfigYaml.NameOf(m) == name)
                : -1;

        public void Put(string section, string name, YamlMappingNode entry)
        {
            SetIfMissing("apiVersion", "v1");
            SetIfMissing("kind", "Config");
            if (KubeconfigYaml.Get(Root, section) is not YamlSequenceNode entries)
            {
                entries = new YamlSequenceNode();
                Root.Children[new YamlScalarNode(section)] = entries;
            }

            var index = IndexOf(section, name);
            if (index >= 0)
            {
                entries.Children[index] = entry;
            }
            else
            {
                entries.Add(entry);
            }
        }

        private void SetIfMissing(string key, string value)
        {
            if (KubeconfigYaml.Get(Root, key) is null)
            {
                Root.Add(new YamlScalarNode(key), KubeconfigYaml.Text(value)!);
            }
        }
    }
}
