using System.Text.Json;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// What a federation kubeconfig from UCS may look like, checked on the JSON as it arrived, before it becomes a model:
/// one cluster, one user and one context; each field of the type the contract gives (a value of another type would
/// otherwise be dropped without a word, e.g. a certificate authority sent as a number); a user that holds certificate
/// data and a token only, never a command to run (<c>exec</c>), an <c>auth-provider</c>, a password, a token file or an
/// identity to impersonate; a cluster that holds its server, its CA and how to verify it, never a proxy or a local file.
/// </summary>
internal static class FederationKubeconfigShape
{
    private static readonly Dictionary<string, JsonValueKind[]> RootFields = new(StringComparer.Ordinal)
    {
        ["kind"] = [JsonValueKind.String],
        ["apiVersion"] = [JsonValueKind.String],
        ["current-context"] = [JsonValueKind.String],
        ["clusters"] = [JsonValueKind.Array],
        ["users"] = [JsonValueKind.Array],
        ["contexts"] = [JsonValueKind.Array],
    };

    private static readonly Dictionary<string, JsonValueKind[]> ClusterFields = new(StringComparer.Ordinal)
    {
        ["server"] = [JsonValueKind.String],
        ["certificate-authority-data"] = [JsonValueKind.String],
        ["insecure-skip-tls-verify"] = [JsonValueKind.True, JsonValueKind.False, JsonValueKind.String],
        ["tls-server-name"] = [JsonValueKind.String],
    };

    private static readonly Dictionary<string, JsonValueKind[]> UserFields = new(StringComparer.Ordinal)
    {
        ["client-certificate-data"] = [JsonValueKind.String],
        ["client-key-data"] = [JsonValueKind.String],
        ["token"] = [JsonValueKind.String],
    };

    private static readonly Dictionary<string, JsonValueKind[]> ContextFields = new(StringComparer.Ordinal)
    {
        ["cluster"] = [JsonValueKind.String],
        ["user"] = [JsonValueKind.String],
        ["namespace"] = [JsonValueKind.String],
    };

    private static readonly (string Section, string Inner, Dictionary<string, JsonValueKind[]> Fields)[] Sections =
    [
        ("clusters", "cluster", ClusterFields),
        ("users", "user", UserFields),
        ("contexts", "context", ContextFields),
    ];

    public static List<string> Problems(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"the body is {Kind(root.ValueKind)}, not an object");
            return problems;
        }

        foreach (var field in root.EnumerateObject())
        {
            if (RootFields.TryGetValue(field.Name, out var kinds))
            {
                CheckKind(field.Name, field.Value, kinds, problems);
            }
        }

        foreach (var (section, inner, fields) in Sections)
        {
            if (!root.TryGetProperty(section, out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var count = entries.GetArrayLength();
            if (count != 1)
            {
                problems.Add($"{section}: a federation kubeconfig has exactly one entry here, this one has {count}");
                continue;
            }

            CheckEntry(section, inner, entries[0], fields, problems);
        }

        return problems;
    }

    private static void CheckEntry(string section, string inner, JsonElement entry, Dictionary<string, JsonValueKind[]> fields, List<string> problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{section}[0]: is {Kind(entry.ValueKind)}, not an object");
            return;
        }

        foreach (var field in entry.EnumerateObject())
        {
            switch (field.Name)
            {
                case "name":
                    CheckKind($"{section}[0].name", field.Value, [JsonValueKind.String], problems);
                    break;
                case var name when name == inner && field.Value.ValueKind == JsonValueKind.Object:
                    foreach (var detail in field.Value.EnumerateObject())
                    {
                        var path = $"{section}[0].{inner}.{detail.Name}";
                        if (fields.TryGetValue(detail.Name, out var kinds))
                        {
                            CheckKind(path, detail.Value, kinds, problems);
                        }
                        else
                        {
                            problems.Add($"{path}: is not allowed; a federation {inner} may hold {string.Join(", ", fields.Keys)} only");
                        }
                    }

                    break;
                case var name when name == inner && field.Value.ValueKind != JsonValueKind.Null:
                    problems.Add($"{section}[0].{inner}: is {Kind(field.Value.ValueKind)}, not an object");
                    break;
                case var name when name == inner:
                    break;
                default:
                    problems.Add($"{section}[0].{field.Name}: is not allowed; an entry holds name and {inner} only");
                    break;
            }
        }
    }

    private static void CheckKind(string path, JsonElement value, JsonValueKind[] kinds, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Null && !kinds.Contains(value.ValueKind))
        {
            problems.Add($"{path}: is {Kind(value.ValueKind)}, not {string.Join(" or ", kinds.Select(Kind).Distinct())}");
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        _ => "a string",
    };
}
