using System.Text;
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
        var problems = KubeconfigValidator.AllProblems(this);
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
    /// A copy in which the current context (its entry and <c>current-context</c>) is called <paramref name="contextName"/>;
    /// clusters and users keep their names.
    /// </summary>
    public Kubeconfig WithCurrentContextName(string contextName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contextName);
        var copy = KubeconfigYaml.ToModel(KubeconfigYaml.ToNode(this));
        foreach (var context in (copy.Contexts ?? []).Where(c => c.Name == copy.CurrentContext))
        {
            context.Name = contextName;
        }

        copy.CurrentContext = contextName;
        return copy;
    }

    /// <summary>
    /// Writes the kubeconfig to <paramref name="path"/> as a standalone file: validated first, parent folders created,
    /// written atomically with mode 0600 on Unix. On any failure or cancellation the previous file stays as it was.
    /// </summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(ToYaml()), cancellationToken);
            return Task.CompletedTask;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>
    /// Merges the kubeconfig into the file at <paramref name="path"/> (default: <see cref="KubeconfigPaths.Default()"/>):
    /// its clusters, users and contexts are added or replace entries of the same name; every other entry and field
    /// stays. The file is locked for the merge and written atomically with mode 0600 on Unix. An existing file that is
    /// not a kubeconfig is refused and left untouched.
    /// </summary>
    /// <exception cref="KubeconfigException">This kubeconfig or the existing file is not valid.</exception>
    public Task<KubeconfigMergeResult> MergeIntoAsync(string? path = null, KubeconfigMergeOptions? options = null, CancellationToken cancellationToken = default) =>
        KubeconfigMerger.MergeAsync(this, path ?? KubeconfigPaths.Default(), options ?? new KubeconfigMergeOptions(), cancellationToken);
}
