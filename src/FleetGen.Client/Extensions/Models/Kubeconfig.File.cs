using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>
    /// Checks that the kubeconfig can be used: at least one cluster, user and context; unique names; every context
    /// names an existing cluster and user; the current context exists; server URLs are absolute; base64 fields decode,
    /// certificates to PEM certificates and keys to PEM private keys.
    /// </summary>
    /// <exception cref="KubeconfigException">With every problem, each naming its entry.</exception>
    public void Validate()
    {
        var problems = KubeconfigValidator.Problems(this);
        if (problems.Count > 0)
        {
            throw new KubeconfigException(problems);
        }
    }

    /// <summary>The kubeconfig as YAML in kubectl's layout, after <see cref="Validate"/>. Fields the model does not name are kept.</summary>
    public string ToYaml()
    {
        Validate();
        return KubeconfigYaml.Write(KubeconfigYaml.ToNode(this));
    }

    /// <summary>Reads a kubeconfig from YAML (or JSON, which is YAML too), keeping fields the model does not name.</summary>
    /// <exception cref="KubeconfigException">The text is not YAML or not shaped like a kubeconfig.</exception>
    public static Kubeconfig FromYaml(string yaml) => KubeconfigYaml.ToModel(KubeconfigYaml.ReadRoot(yaml, path: null));

    /// <summary>
    /// The name FleetGen gives the cluster, user and context of a fleet's federation kubeconfig: <c>ucs-&lt;fleet id&gt;</c>,
    /// so that the kubeconfigs of several fleets never replace each other's entries, whatever the service called them.
    /// </summary>
    public static string NameForFleet(string fleetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fleetId);
        return $"ucs-{fleetId}";
    }

    /// <summary>
    /// A copy in which the one cluster, user and context are all called <paramref name="name"/>, the context still
    /// naming its cluster and user, and the current context is that context.
    /// </summary>
    /// <exception cref="KubeconfigException">The kubeconfig does not have exactly one cluster, one user and one context.</exception>
    public Kubeconfig WithEntryNames(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Clusters is not { Count: 1 } || Users is not { Count: 1 } || Contexts is not { Count: 1 })
        {
            throw new KubeconfigException([$"only a kubeconfig with one cluster, one user and one context can be renamed; this one has {Clusters?.Count ?? 0}, {Users?.Count ?? 0} and {Contexts?.Count ?? 0}"]);
        }

        var copy = KubeconfigYaml.ToModel(KubeconfigYaml.ToNode(this));
        copy.Clusters![0].Name = name;
        copy.Users![0].Name = name;
        copy.Contexts![0].Name = name;
        copy.Contexts[0].Context ??= new Context();
        copy.Contexts[0].Context!.Cluster = name;
        copy.Contexts[0].Context!.User = name;
        copy.CurrentContext = name;
        return copy;
    }

    /// <summary>
    /// Writes the kubeconfig to <paramref name="path"/> as a standalone file: validated first, parent folders created,
    /// written atomically (a new file with mode 0600 on Unix; a replaced one keeps its mode and owner; a symbolic link
    /// is written through). An existing file is replaced only when it holds nothing but these entries, unless
    /// <see cref="KubeconfigSaveOptions.OverwriteExisting"/>; a folder, device, FIFO, socket or read-only file never.
    /// On any failure or cancellation the previous file stays as it was.
    /// </summary>
    /// <exception cref="KubeconfigException">This kubeconfig or the target is not valid; nothing was written.</exception>
    public Task SaveAsync(string path, KubeconfigSaveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return StandaloneKubeconfigFile.SaveAsync(this, path, options ?? new KubeconfigSaveOptions(), cancellationToken);
    }

    /// <summary>
    /// Merges the kubeconfig into the file at <paramref name="path"/>, or, without one, into the files kubectl uses
    /// (<see cref="KubeconfigPaths.FromEnvironment()"/>) as kubectl would: entries that exist stay in the file that
    /// defines them, new ones go to <see cref="KubeconfigPaths.Default()"/>. Its clusters, users and contexts are added
    /// or replace the previous copy of the same entries; every other entry and field stays. A merge that would replace
    /// a cluster or user another context uses, or a context that points elsewhere, is refused unless
    /// <see cref="KubeconfigMergeOptions.OverwriteExisting"/>. Files are locked for the merge, written atomically and
    /// keep their mode and owner; links are written through; an existing file that is not a kubeconfig is refused.
    /// </summary>
    /// <exception cref="KubeconfigException">This kubeconfig or a target is not valid, or the merge would replace another context's entries; nothing was written.</exception>
    public Task<KubeconfigMergeResult> MergeIntoAsync(string? path = null, KubeconfigMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        KubeconfigPreflight.CheckName(options?.ContextName);
        return KubeconfigMerger.MergeAsync(this, path, options ?? new KubeconfigMergeOptions(), cancellationToken);
    }
}
