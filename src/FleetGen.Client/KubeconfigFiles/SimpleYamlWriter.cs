using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Writes a kubeconfig tree exactly as <see cref="KubeconfigYaml.WriteWithEmitter"/> does (block style, two-space
/// indent, sequences at their key's indent) when the tree holds only what the service's kubeconfigs hold: mappings
/// with plain keys, sequences of mappings or scalars, plain scalars of safe characters, and double-quoted scalars
/// with nothing to escape. Anything else gives null and is left to YamlDotNet. Starting YamlDotNet's emitter costs a
/// command about 10 ms; the equality is tested on every shape this writer takes.
/// </summary>
internal static class SimpleYamlWriter
{
    private const int MaxSimpleKeyLength = 1024;

    public static string? TryWrite(YamlMappingNode root)
    {
        if (root.Children.Count == 0)
        {
            return IsUntagged(root) ? "{}\n" : null;
        }

        var text = new StringBuilder(4096);
        return IsUntagged(root) && TryWriteEntries(root, text, indent: 0, firstOnLine: false) ? text.ToString() : null;
    }

    private static bool TryWriteEntries(YamlMappingNode mapping, StringBuilder text, int indent, bool firstOnLine)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 and <= MaxSimpleKeyLength } key } keyScalar
                || keyScalar.Style is not (ScalarStyle.Any or ScalarStyle.Plain) || !IsUntagged(keyScalar) || !KubeconfigYaml.IsPlainText(key))
            {
                return false;
            }

            if (!firstOnLine)
            {
                text.Append(' ', indent);
            }

            firstOnLine = false;
            text.Append(key).Append(':');
            if (!TryWriteValue(value, text, indent))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryWriteValue(YamlNode value, StringBuilder text, int indent)
    {
        if (!IsUntagged(value))
        {
            return false;
        }

        switch (value)
        {
            case YamlScalarNode scalar:
                text.Append(' ');
                return TryWriteScalar(scalar, text);
            case YamlMappingNode { Children.Count: 0 }:
                text.Append(" {}\n");
                return true;
            case YamlMappingNode mapping:
                text.Append('\n');
                return TryWriteEntries(mapping, text, indent + 2, firstOnLine: false);
            case YamlSequenceNode { Children.Count: 0 }:
                text.Append(" []\n");
                return true;
            case YamlSequenceNode sequence:
                text.Append('\n');
                return TryWriteItems(sequence, text, indent);
            default:
                return false;
        }
    }

    private static bool TryWriteItems(YamlSequenceNode sequence, StringBuilder text, int indent)
    {
        foreach (var item in sequence.Children)
        {
            text.Append(' ', indent).Append('-');
            var written = item switch
            {
                YamlMappingNode { Children.Count: > 0 } mapping => IsUntagged(mapping) && TryWriteEntries(mapping, text.Append(' '), indent + 2, firstOnLine: true),
                YamlSequenceNode => false,
                _ => TryWriteValue(item, text, indent),
            };
            if (!written)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryWriteScalar(YamlScalarNode scalar, StringBuilder text)
    {
        var value = scalar.Value ?? string.Empty;
        switch (scalar.Style)
        {
            case ScalarStyle.Plain when value.Length > 0 && IsPlainSafe(value):
                text.Append(value).Append('\n');
                return true;
            case ScalarStyle.DoubleQuoted when IsPrintableWithoutEscapes(value):
                text.Append('"').Append(value).Append("\"\n");
                return true;
            default:
                return false;
        }
    }

    /// <summary>A scalar styled plain that YamlDotNet writes plain: plain characters, not starting with an indicator, not ending with ':'.</summary>
    private static bool IsPlainSafe(string value) =>
        value[0] is not ('-' or ':' or '@' or '+' or '=') && value[^1] != ':' && KubeconfigYaml.HasOnlyPlainCharacters(value);

    private static bool IsPrintableWithoutEscapes(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUntagged(YamlNode node) => node.Tag.IsEmpty && node.Anchor.IsEmpty;
}
