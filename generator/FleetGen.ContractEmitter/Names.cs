using Microsoft.CodeAnalysis.CSharp;

namespace FleetGen.ContractEmitter;

/// <summary>
/// The names the façade gives the contract's operations and parameters. They are FleetGen's own API, not Kiota's:
/// Kiota's names are read from its output (<see cref="KiotaOutput"/>), never derived here.
/// </summary>
internal static class Names
{
    /// <summary>The method name of an operation: its id in PascalCase (<c>list-items</c> gives <c>ListItems</c>).</summary>
    public static string Method(string operationId)
    {
        var name = string.Concat(Words(operationId).Select(Capitalized));
        return name.Length == 0 || char.IsDigit(name[0]) ? "Operation" + name : name;
    }

    /// <summary>
    /// The id of an operation the contract gives none: its method and path in words, a parameter as <c>By{Name}</c>
    /// (<c>GET /users/{id}/keys</c> gives <c>get-users-by-id-keys</c>).
    /// </summary>
    public static string OperationId(string method, string template)
    {
        var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.StartsWith('{') && s.EndsWith('}') ? "by-" + s[1..^1] : s);
        return string.Join('-', new[] { method.ToLowerInvariant() }.Concat(segments));
    }

    /// <summary>Whether <paramref name="name"/> can name a C# member as it is.</summary>
    public static bool IsIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>
    /// The parameters with C# names that differ: a name that another already has gets its number (<c>date</c>,
    /// <c>date2</c>); the contract can choose a name with <c>x-fleetgen-name</c>.
    /// </summary>
    public static List<Parameter> Distinct(List<Parameter> parameters)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<Parameter>();
        foreach (var parameter in parameters)
        {
            var name = parameter.ClrName;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = parameter.ClrName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            distinct.Add(parameter with { ClrName = name });
        }

        return distinct;
    }

    /// <summary>A parameter name in camelCase (<c>X-Trace-Tag</c> gives <c>xTraceTag</c>), with <c>@</c> before a C# keyword.</summary>
    public static string Parameter(string name)
    {
        var words = Words(name);
        var camel = string.Concat(words.Select((w, i) => i == 0 ? char.ToLowerInvariant(w[0]) + w[1..] : Capitalized(w)));
        if (camel.Length == 0 || char.IsDigit(camel[0]))
        {
            camel = "_" + camel;
        }

        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    // Comparison signs are words (DateCreated, DateCreated< and DateCreated> are three parameters).
    private static string[] Words(string text) =>
        text.Replace("<", " less than ", StringComparison.Ordinal).Replace(">", " greater than ", StringComparison.Ordinal).Split(c => !char.IsAsciiLetterOrDigit(c));

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start)
                {
                    words.Add(text[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. words];
    }
}
