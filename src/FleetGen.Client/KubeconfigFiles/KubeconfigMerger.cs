using System.Text;
using FleetGen.Client.Models;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>Adds or replaces a kubeconfig's clusters, users and contexts, by name, in a kubeconfig file, keeping everything else.</summary>
internal static class KubeconfigMerger
{
    public static async Task<KubeconfigMergeResult> MergeAsync(Kubeconfig incoming, string path, KubeconfigMergeOptions options, CancellationToken cancellationToken)
    {
        incoming.Validate();
        var renamed = string.IsNullOrEmpty(options.ContextName) ? incoming : incoming.WithCurrentContextName(options.ContextName);
        renamed.Validate();
        var context = renamed.CurrentContext!;

        await using var fileLock = await KubeconfigFileLock.AcquireAsync(path, options.LockTimeout, cancellationToken);
        var existingText = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty;
        var root = KubeconfigYaml.ReadRoot(existingText, path);
        var additions = KubeconfigYaml.ToNode(renamed);

        SetIfMissing(root, "apiVersion", "v1");
        SetIfMissing(root, "kind", "Config");
        foreach (var section in KubeconfigYaml.Sections)
        {
            Merge(root, section, KubeconfigYaml.EntriesOf(additions, section));
        }

        var current = (KubeconfigYaml.Get(root, "current-context") as YamlScalarNode)?.Value;
        if (options.SetCurrentContext || string.IsNullOrEmpty(current))
        {
            root.Children[new YamlScalarNode("current-context")] = KubeconfigYaml.Text(context)!;
            current = context;
        }

        AtomicFile.Write(path, Encoding.UTF8.GetBytes(KubeconfigYaml.Write(root)), cancellationToken);
        return new KubeconfigMergeResult(Path.GetFullPath(path), context, current);
    }

    private static void SetIfMissing(YamlMappingNode root, string key, string value)
    {
        if (KubeconfigYaml.Get(root, key) is null)
        {
            root.Add(new YamlScalarNode(key), KubeconfigYaml.Text(value)!);
        }
    }

    private static void Merge(YamlMappingNode root, string section, IEnumerable<YamlMappingNode> entries)
    {
        if (KubeconfigYaml.Get(root, section) is not YamlSequenceNode existing)
        {
            existing = new YamlSequenceNode();
            root.Children[new YamlScalarNode(section)] = existing;
        }

        foreach (var entry in entries)
        {
            var name = KubeconfigYaml.NameOf(entry);
            var index = existing.Children.ToList().FindIndex(e => e is YamlMappingNode m && KubeconfigYaml.NameOf(m) == name);
            if (index >= 0)
            {
                existing.Children[index] = entry;
            }
            else
            {
                existing.Add(entry);
            }
        }
    }
}
