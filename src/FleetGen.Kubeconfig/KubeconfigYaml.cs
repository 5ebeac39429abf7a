using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using FleetGen.Client.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Converts between the kubeconfig model and YAML in kubectl's own layout (keys sorted, kubectl's key names).
/// Works on YamlDotNet's node model so that a file read and written again keeps every field and the style of every
/// scalar: a plain <c>true</c> stays a boolean and a quoted <c>"true"</c> stays a string.
/// </summary>
internal static partial class KubeconfigYaml
{
    public static readonly IReadOnlyList<string> Sections = Array.AsReadOnly<string>(["clusters", "contexts", "users"]);

    public static YamlMappingNode ToNode(Kubeconfig config) => Mapping(config.AdditionalData,
        ("apiVersion", Text(config.ApiVersion ?? "v1")),
        ("clusters", Sequence(config.Clusters, c => Mapping(c.AdditionalData,
            ("cluster", c.Cluster is null ? null : Mapping(c.Cluster.AdditionalData,
                ("certificate-authority-data", Text(c.Cluster.CertificateAuthorityData)),
                ("insecure-skip-tls-verify", c.Cluster.InsecureSkipTlsVerify?.AsBoolean() is { } skip ? Bool(skip) : null),
                ("server", Text(c.Cluster.Server)))),
            ("name", Text(c.Name))))),
        ("contexts", Sequence(config.Contexts, c => Mapping(c.AdditionalData,
            ("context", c.Context is null ? null : Mapping(c.Context.AdditionalData,
                ("cluster", Text(c.Context.Cluster)),
                ("user", Text(c.Context.User)))),
            ("name", Text(c.Name))))),
        ("current-context", Text(config.CurrentContext)),
        ("kind", Text(config.Kind ?? "Config")),
        ("users", Sequence(config.Users, u => Mapping(u.AdditionalData,
            ("name", Text(u.Name)),
            ("user", u.User is null ? null : Mapping(u.User.AdditionalData,
                ("client-certificate-data", Text(u.User.ClientCertificateData)),
                ("client-key-data", Text(u.User.ClientKeyData)),
                ("token", Text(u.User.Token))))))));

    /// <summary>A deep copy of the model, through its YAML tree: nothing it holds is shared with the original.</summary>
    public static Kubeconfig Copy(Kubeconfig config) => ToModel(ToNode(config));

    /// <summary>The YAML text of a kubeconfig tree, by YamlDotNet's emitter: block style, two-space indent, kubectl's layout.</summary>
    public static string Write(YamlMappingNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        const string explicitDocumentEnd = "...\n";
        var text = writer.ToString();
        return text.EndsWith(explicitDocumentEnd, StringComparison.Ordinal) ? text[..^explicitDocumentEnd.Length] : text;
    }

    /// <summary>Reads a kubeconfig file's root. Empty text is an empty kubeconfig; anything not shaped like a kubeconfig is refused.</summary>
    public static YamlMappingNode ReadRoot(string text, string? path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new KubeconfigException([$"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}"], path, e);
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeconfigException(["the file is not a YAML mapping (a kubeconfig has apiVersion, kind, clusters, users and contexts)"], path);
        }

        var problems = new List<string>();
        if (Get(root, "kind") is { } kind && (kind as YamlScalarNode)?.Value != "Config")
        {
            problems.Add($"kind: is \"{(kind as YamlScalarNode)?.Value}\", not \"Config\"");
        }

        foreach (var section in Sections)
        {
            var node = Get(root, section);
            if (node is null || node is YamlScalarNode { Value: null or "" or "null" or "~" })
            {
                continue;
            }

            if (node is not YamlSequenceNode entries)
            {
                problems.Add($"{section}: is not a list");
                continue;
            }

            for (var i = 0; i < entries.Children.Count; i++)
            {
                if (entries.Children[i] is not YamlMappingNode entry || NameOf(entry) is null)
                {
                    problems.Add($"{section}[{i}]: is not an entry with a name");
                }
            }
        }

        return problems.Count == 0 ? root : throw new KubeconfigException(problems, path);
    }

    public static Kubeconfig ToModel(YamlMappingNode root)
    {
        var config = new Kubeconfig
        {
            ApiVersion = TextOf(root, "apiVersion"),
            Kind = TextOf(root, "kind"),
            CurrentContext = TextOf(root, "current-context"),
            Clusters = EntriesOf(root, "clusters").Select(e => new NamedCluster
            {
                Name = NameOf(e),
                Cluster = Get(e, "cluster") is YamlMappingNode c ? new ClusterCert
                {
                    Server = TextOf(c, "server"),
                    CertificateAuthorityData = TextOf(c, "certificate-authority-data"),
                    InsecureSkipTlsVerify = Get(c, "insecure-skip-tls-verify") is YamlScalarNode skip
                        ? ToValue(skip) is bool b ? new() { Boolean = b } : new() { String = skip.Value }
                        : null,
                    AdditionalData = Rest(c, "server", "certificate-authority-data", "insecure-skip-tls-verify"),
                } : null,
                AdditionalData = Rest(e, "name", "cluster"),
            }).ToList(),
            Users = EntriesOf(root, "users").Select(e => new NamedAuthInfo
            {
                Name = NameOf(e),
                User = Get(e, "user") is YamlMappingNode u ? new AuthInfo
                {
                    ClientCertificateData = TextOf(u, "client-certificate-data"),
                    ClientKeyData = TextOf(u, "client-key-data"),
                    Token = TextOf(u, "token"),
                    AdditionalData = Rest(u, "client-certificate-data", "client-key-data", "token"),
                } : null,
                AdditionalData = Rest(e, "name", "user"),
            }).ToList(),
            Contexts = EntriesOf(root, "contexts").Select(e => new NamedContext
            {
                Name = NameOf(e),
                Context = Get(e, "context") is YamlMappingNode c ? new Context
                {
                    Cluster = TextOf(c, "cluster"),
                    User = TextOf(c, "user"),
                    AdditionalData = Rest(c, "cluster", "user"),
                } : null,
                AdditionalData = Rest(e, "name", "context"),
            }).ToList(),
            AdditionalData = Rest(root, "apiVersion", "kind", "current-context", "clusters", "users", "contexts"),
        };
        return config;
    }

    public static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? NameOf(YamlMappingNode entry) => (Get(entry, "name") as YamlScalarNode)?.Value is { Length: > 0 } name ? name : null;

    public static IEnumerable<YamlMappingNode> EntriesOf(YamlMappingNode root, string section) =>
        (Get(root, section) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    /// <summary>A string scalar, quoted where a plain scalar would read as something else (a boolean, a number, null).</summary>
    public static YamlScalarNode? Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return new YamlScalarNode(value) { Style = IsPlainText(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };
    }

    /// <summary>
    /// Text that reads back as the same string when written as a plain scalar: a letter or '/' first, then letters,
    /// digits and <c>._/+=:@-</c>; not ending with ':' and not one of the words YAML reads as a boolean or null.
    /// </summary>
    public static bool IsPlainText(string value)
    {
        return value.Length > 0 && (char.IsAsciiLetter(value[0]) || value[0] == '/') && value[^1] != ':' && !IsReservedWord(value)
            && HasOnlyPlainCharacters(value);
    }

    /// <summary>Only letters, digits and <c>._/+=:@-</c>: characters a plain scalar can hold anywhere.</summary>
    public static bool HasOnlyPlainCharacters(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '/' or '+' or '=' or ':' or '@' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    private static string? TextOf(YamlMappingNode mapping, string key) => (Get(mapping, key) as YamlScalarNode)?.Value;

    private static YamlSequenceNode? Sequence<T>(IEnumerable<T>? items, Func<T, YamlNode> map) =>
        items is null ? null : new YamlSequenceNode(items.Select(map));

    /// <summary>A mapping with its keys in ordinal order; a known field wins over an additional one of the same name.</summary>
    private static YamlMappingNode Mapping(IDictionary<string, object>? additional, params (string Key, YamlNode? Value)[] known)
    {
        var keys = new List<string>(known.Length + (additional?.Count ?? 0));
        var values = new Dictionary<string, YamlNode>(keys.Capacity, StringComparer.Ordinal);
        foreach (var (key, value) in additional ?? new Dictionary<string, object>())
        {
            if (values.TryAdd(key, FromValue(value)))
            {
                keys.Add(key);
            }
        }

        foreach (var (key, value) in known)
        {
            if (value is null)
            {
                continue;
            }

            if (values.TryAdd(key, value))
            {
                keys.Add(key);
            }
            else
            {
                values[key] = value;
            }
        }

        keys.Sort(StringComparer.Ordinal);
        var mapping = new YamlMappingNode();
        foreach (var key in keys)
        {
            mapping.Add(new YamlScalarNode(key), values[key]);
        }

        return mapping;
    }

    private static Dictionary<string, object> Rest(YamlMappingNode mapping, params string[] known) =>
        mapping.Children
            .Where(c => c.Key is YamlScalarNode { Value: { } key } && !known.Contains(key))
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ToValue(c.Value) ?? NullValue.Instance);

    /// <summary>Converts a value from a model's AdditionalData (JSON-parsed or YAML-read) into a YAML node.</summary>
    private static YamlNode FromValue(object? value) => value switch
    {
        null or NullValue or UntypedNull => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        YamlNode node => node,
        string s => Text(s) ?? new YamlScalarNode(string.Empty) { Style = ScalarStyle.DoubleQuoted },
        bool b => Bool(b),
        UntypedString s => FromValue(s.GetValue()),
        UntypedBoolean b => Bool(b.GetValue()),
        UntypedInteger n => FromValue(n.GetValue()),
        UntypedLong n => FromValue(n.GetValue()),
        UntypedFloat n => FromValue(n.GetValue()),
        UntypedDouble n => FromValue(n.GetValue()),
        UntypedDecimal n => FromValue(n.GetValue()),
        UntypedObject o => Mapping(o.GetValue().ToDictionary(p => p.Key, p => (object)p.Value)),
        UntypedArray a => new YamlSequenceNode(a.GetValue().Select(FromValue)),
        IDictionary<string, object> map => Mapping(map),
        IFormattable number when value is int or long or float or double or decimal =>
            new YamlScalarNode(number.ToString(null, CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain },
        IFormattable other => FromValue(other.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable list => new YamlSequenceNode(list.Cast<object?>().Select(FromValue)),
        _ => FromValue(value.ToString()),
    };

    /// <summary>Converts a YAML node into plain values: strings, booleans, numbers, dictionaries and lists.</summary>
    private static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "true" or "True" or "TRUE" => true,
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "false" or "False" or "FALSE" => false,
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is null or "" or "~" or "null" or "Null" or "NULL" => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        YamlScalarNode { Style: ScalarStyle.Plain } s when Number().IsMatch(s.Value!) && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(ToValue).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(c => (c.Key as YamlScalarNode)?.Value ?? c.Key.ToString(), c => ToValue(c.Value) ?? NullValue.Instance),
        _ => null,
    };

    /// <summary>Words a YAML 1.1 or 1.2 reader takes for a boolean or null when they are not quoted.</summary>
    private static bool IsReservedWord(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "on" or "On" or "ON" or "off" or "Off" or "OFF"
        or "null" or "Null" or "NULL";

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();

    /// <summary>A YAML null kept in AdditionalData (whose values cannot be null).</summary>
    private sealed class NullValue
    {
        public static readonly NullValue Instance = new();

        public override string ToString() => "null";
    }
}
