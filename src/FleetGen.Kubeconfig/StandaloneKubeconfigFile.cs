using FleetGen.Client.Models;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Writes a kubeconfig as a file of its own. The file is replaced only when it is empty, missing or holds nothing but
/// entries of the names being written (or when told to overwrite); the same checks run without writing
/// (<see cref="CheckAsync"/>) before a create call.
/// </summary>
internal static class StandaloneKubeconfigFile
{
    public static async Task SaveAsync(Kubeconfig config, string path, KubeconfigSaveOptions options, CancellationToken cancellationToken)
    {
        var yaml = config.ToYaml();
        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith((config.Clusters ?? []).Select(c => c.Name!).Concat((config.Users ?? []).Select(u => u.Name!)).Concat((config.Contexts ?? []).Select(c => c.Name!)));
        await RunAsync(path, names, options, target => target.Write(yaml, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public static Task CheckAsync(string path, string entryName, KubeconfigSaveOptions options, CancellationToken cancellationToken) =>
        RunAsync(path, new HashSet<string>(StringComparer.Ordinal) { entryName }, options, null, cancellationToken);

    private static async Task RunAsync(string path, HashSet<string> names, KubeconfigSaveOptions options, Action<KubeconfigFileTarget>? write, CancellationToken cancellationToken)
    {
        var target = Checked(path);
        await using var fileLock = await KubeconfigFileLock.AcquireAsync(target.Path, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        target = Checked(path);
        if (!options.OverwriteExisting && target.Exists)
        {
            YamlMappingNode root;
            try
            {
                root = KubeconfigYaml.ReadRoot(target.ReadText(), target.Path);
            }
            catch (KubeconfigException e)
            {
                throw new KubeconfigException([$"it exists and is not a kubeconfig ({e.Problems[0]}); it is not replaced unless you allow it (KubeconfigSaveOptions.OverwriteExisting)"], target.Path, e);
            }

            var others = KubeconfigYaml.Sections
                .SelectMany(section => KubeconfigYaml.EntriesOf(root, section).Select(e => (section, name: KubeconfigYaml.NameOf(e)!)))
                .Where(e => !names.Contains(e.name))
                .Select(e => $"{e.section}[\"{e.name}\"]")
                .ToList();
            if (others.Count > 0)
            {
                throw new KubeconfigException(
                    [$"it holds other entries ({string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", …" : string.Empty)}); it is replaced only when it holds nothing but these credentials, unless you allow it (KubeconfigSaveOptions.OverwriteExisting)"],
                    target.Path);
            }
        }

        write?.Invoke(target);
    }

    private static KubeconfigFileTarget Checked(string path)
    {
        var target = KubeconfigFileTarget.Resolve(path);
        return target.Problems() is { Count: > 0 } problems ? throw new KubeconfigException(problems, target.Path) : target;
    }
}
