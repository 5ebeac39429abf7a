using FleetGen.Client.Models;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// What the <see cref="Kubeconfig"/> model gains with FleetGen.Kubeconfig: its YAML, renamed copies, and writing it
/// to a standalone file or merging it into the files kubectl uses.
/// </summary>
public static class KubeconfigFileExtensions
{
    extension(Kubeconfig kubeconfig)
    {
        /// <summary>Reads a kubeconfig from YAML (or JSON, which is YAML too), keeping fields the model does not name.</summary>
        /// <exception cref="KubeconfigException">The text is not YAML or not shaped like a kubeconfig.</exception>
        public static Kubeconfig FromYaml(string yaml) => KubeconfigYaml.ToModel(KubeconfigYaml.ReadRoot(yaml, path: null));

        /// <summary>The kubeconfig as YAML in kubectl's layout, after <see cref="Kubeconfig.Validate"/>. Fields the model does not name are kept.</summary>
        public string ToYaml()
        {
            kubeconfig.Validate();
            return KubeconfigYaml.Write(KubeconfigYaml.ToNode(kubeconfig));
        }

        /// <summary>
        /// A copy in which the one cluster, user and context are all called <paramref name="name"/>, the context still
        /// naming its cluster and user, and the current context is that context.
        /// </summary>
        /// <exception cref="KubeconfigException">The kubeconfig does not have exactly one cluster, one user and one context.</exception>
        public Kubeconfig WithEntryNames(string name)
        {
            var copy = KubeconfigYaml.Copy(kubeconfig);
            copy.RenameEntries(name);
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
            return StandaloneKubeconfigFile.SaveAsync(kubeconfig, path, options ?? new KubeconfigSaveOptions(), cancellationToken);
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
            return KubeconfigMerger.MergeAsync(kubeconfig, path, options ?? new KubeconfigMergeOptions(), cancellationToken);
        }
    }
}
