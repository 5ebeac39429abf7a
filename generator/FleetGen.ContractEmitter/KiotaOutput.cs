using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FleetGen.ContractEmitter;

/// <summary>A query parameter of a Kiota request builder: its name in the contract, the property Kiota made of it and that property's type.</summary>
internal sealed record KiotaQueryParameter(string Name, string Property, string Type);

/// <summary>One HTTP method of a Kiota request builder, as its generated code states it.</summary>
internal sealed record KiotaMethod(
    string HttpMethod,
    string RequestInformationMethod,
    string? BodyType,
    IReadOnlyList<KiotaQueryParameter> QueryParameters,
    string SendMethod,
    string? ResultType,
    string? Factory)
{
    /// <summary>The properties of the answer's model (<see cref="ResultType"/>) as Kiota deserializes them; empty when it is no model.</summary>
    public IReadOnlyList<KiotaProperty> ResultProperties { get; init; } = [];
}

/// <summary>A Kiota request builder: its type, its URL template and the path parameter names of that template, in order.</summary>
internal sealed record KiotaBuilder(string Type, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<KiotaMethod> Methods)
{
    /// <summary>The path of the template with every parameter written <c>{}</c>: how a builder is matched to a path of the contract.</summary>
    public string Shape => KiotaOutput.Shape(Template);
}

/// <summary>
/// Reads the C# that Kiota generated, so that the façade binds to Kiota's actual types, methods and properties instead
/// of predicting their names: a builder is found by its URL template, a method by the HTTP method it sends, a query
/// parameter by its <c>[QueryParameter("name")]</c> attribute, the answer's type and factory by the call Kiota makes.
/// </summary>
internal static partial class KiotaOutput
{
    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithPreprocessorSymbols("NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER");

    public static IReadOnlyList<KiotaBuilder> Read(string folder) =>
        Parse(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>The request builders in C# sources as Kiota writes them.</summary>
    public static IReadOnlyList<KiotaBuilder> Parse(IEnumerable<string> sources)
    {
        var builders = new List<KiotaBuilder>();
        var models = new Dictionary<string, IReadOnlyList<KiotaProperty>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source, Options).GetCompilationUnitRoot();
            foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (Template(type) is { } template)
                {
                    builders.Add(new KiotaBuilder(FullName(type), template, PathParameterNames(template), Methods(type).ToList()));
                }
                else if (ModelProperties(type) is { } properties)
                {
                    models[FullName(type)] = properties;
                }
            }
        }

        return builders.Select(b => b with
        {
            Methods = b.Methods.Select(m => m.ResultType is { } result && models.TryGetValue(result, out var properties) ? m with { ResultProperties = properties } : m).ToList(),
        }).ToList();
    }

    /// <summary>The path of a URL template or a contract path, without base URL and query, each parameter written <c>{}</c>.</summary>
    public static string Shape(string template) => Parameter().Replace(PathOf(template), "{}").TrimEnd('/');

    private static IReadOnlyList<string> PathParameterNames(string template) =>
        Parameter().Matches(PathOf(template)).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The path part of a URL template or a contract path: without <c>{+baseurl}</c>, a query, or a query expansion.</summary>
    private static string PathOf(string template)
    {
        var path = template.Replace("{+baseurl}", string.Empty, StringComparison.Ordinal);
        var query = path.IndexOf('?') is var q and >= 0 ? q : path.Length;
        var expansion = path.IndexOf("{?", StringComparison.Ordinal) is var e and >= 0 ? e : path.Length;
        return path[..Math.Min(query, expansion)];
    }

    private static string? Template(ClassDeclarationSyntax type) =>
        type.Members.OfType<ConstructorDeclarationSyntax>()
            .Select(c => c.Initializer?.ArgumentList.Arguments)
            .Where(a => a is { Count: 3 } && a.Value[1].Expression is LiteralExpressionSyntax)
            .Select(a => ((LiteralExpressionSyntax)a!.Value[1].Expression).Token.ValueText)
            .FirstOrDefault();

    private static IEnumerable<KiotaMethod> Methods(ClassDeclarationSyntax type)
    {
        var methods = type.Members.OfType<MethodDeclarationSyntax>().ToList();
        foreach (var build in methods.Where(m => m.Body is not null && m.ReturnType.ToString() == "RequestInformation"))
        {
            var httpMethod = build.Body!.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                .Where(o => o.Type.ToString() == "RequestInformation" && o.ArgumentList?.Arguments.Count > 0)
                .Select(o => o.ArgumentList!.Arguments[0].Expression)
                .OfType<MemberAccessExpressionSyntax>()
                .Select(m => m.Name.Identifier.ValueText)
                .FirstOrDefault();
            if (httpMethod is null)
            {
                continue;
            }

            var body = Qualified(build.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == "body")?.Type?.ToString().TrimEnd('?'));
            var configuration = build.ParameterList.Parameters
                .SelectMany(p => p.Type?.DescendantNodesAndSelf().OfType<GenericNameSyntax>() ?? [])
                .FirstOrDefault(g => g.Identifier.ValueText == "RequestConfiguration")?.TypeArgumentList.Arguments[0].ToString();
            var query = configuration is null ? [] : QueryParameters(type, configuration.Split('.').Last());

            // The method that sends what this one builds: it calls it, then the request adapter.
            var send = methods.FirstOrDefault(m => m.Body is not null && m.Body.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Any(i => i.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == build.Identifier.ValueText));
            var call = send?.Body!.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => (Invocation: i, Access: i.Expression as MemberAccessExpressionSyntax))
                .FirstOrDefault(i => i.Access is { Expression: IdentifierNameSyntax { Identifier.ValueText: "RequestAdapter" } });
            if (call?.Access is not { } access)
            {
                continue;
            }

            var result = Qualified(access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments[0].ToString() : null);
            var arguments = call.Value.Invocation.ArgumentList.Arguments;
            var factory = arguments.Count > 1 && arguments[1].Expression is MemberAccessExpressionSyntax f ? f.ToString() : null;
            yield return new KiotaMethod(httpMethod, build.Identifier.ValueText, body, query, access.Name.Identifier.ValueText, result, factory);
        }
    }

    private static List<KiotaQueryParameter> QueryParameters(ClassDeclarationSyntax builder, string className)
    {
        var parameters = new List<KiotaQueryParameter>();
        var type = builder.Members.OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == className);
        foreach (var property in type?.Members.OfType<PropertyDeclarationSyntax>() ?? [])
        {
            var name = property.AttributeLists.SelectMany(l => l.Attributes)
                .Where(a => a.Name.ToString().EndsWith("QueryParameter", StringComparison.Ordinal) && a.ArgumentList?.Arguments.Count == 1)
                .Select(a => a.ArgumentList!.Arguments[0].Expression)
                .OfType<LiteralExpressionSyntax>()
                .Select(l => Uri.UnescapeDataString(l.Token.ValueText))
                .FirstOrDefault();
            // Kiota writes the attribute, percent-encoded (DateCreated%3C), only when the contract's name is not the property's name.
            if (!property.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("Obsolete", StringComparison.Ordinal)))
            {
                parameters.Add(new KiotaQueryParameter(name ?? property.Identifier.ValueText, property.Identifier.ValueText, Qualified(property.Type.ToString())!));
            }
        }

        return parameters;
    }

    private static string FullName(ClassDeclarationSyntax type)
    {
        var names = new List<string> { type.Identifier.ValueText };
        for (SyntaxNode? node = type.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ClassDeclarationSyntax outer:
                    names.Insert(0, outer.Identifier.ValueText);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    names.Insert(0, ns.Name.ToString());
                    break;
            }
        }

        return "global::" + string.Join('.', names);
    }

    /// <summary>
    /// A type as Kiota wrote it, with Kiota's own types (named through its file's usings) made global, so that the
    /// façade's file needs no using of its own for them; models are already written <c>global::</c>.
    /// </summary>
    public static string? Qualified(string? type) => type is null ? null : KiotaType().Replace(type, m => m.Value switch
    {
        "MultipartBody" or "Date" or "Time" => "global::Microsoft.Kiota.Abstractions." + m.Value,
        _ => "global::Microsoft.Kiota.Abstractions.Serialization." + m.Value,
    });

    [GeneratedRegex(@"(?<![\w.:])(MultipartBody|Date|Time|UntypedNode)\b")]
    private static partial Regex KiotaType();

    [GeneratedRegex("{([^}?+]+)}")]
    private static partial Regex Parameter();
}
