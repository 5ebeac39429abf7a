using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FleetGen.ContractEmitter;

/// <summary>A property of a Kiota model: its name in the JSON, the C# property Kiota made of it, that property's type.</summary>
internal sealed record KiotaProperty(string JsonName, string Property, string Type);

/// <summary>
/// Reads Kiota's models as it writes them: a model's JSON names and properties come from its
/// <c>GetFieldDeserializers</c> (<c>{ "items", n => { Items = ... } }</c>), so that the façade uses Kiota's property
/// names instead of predicting them.
/// </summary>
internal static partial class KiotaOutput
{
    private static List<KiotaProperty>? ModelProperties(ClassDeclarationSyntax type)
    {
        var deserializers = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == "GetFieldDeserializers" && m.Body is not null);
        if (deserializers is null)
        {
            return null;
        }

        var declared = type.Members.OfType<PropertyDeclarationSyntax>().GroupBy(p => p.Identifier.ValueText).ToDictionary(g => g.Key, g => g.First().Type.ToString());
        var properties = new List<KiotaProperty>();
        foreach (var entry in deserializers.Body!.DescendantNodes().OfType<InitializerExpressionSyntax>().Where(i => i.IsKind(SyntaxKind.ComplexElementInitializerExpression)))
        {
            if (entry.Expressions is [LiteralExpressionSyntax name, LambdaExpressionSyntax read]
                && read.DescendantNodes().OfType<AssignmentExpressionSyntax>().FirstOrDefault()?.Left is IdentifierNameSyntax property
                && declared.TryGetValue(property.Identifier.ValueText, out var propertyType))
            {
                properties.Add(new KiotaProperty(name.Token.ValueText, property.Identifier.ValueText, Qualified(propertyType)!));
            }
        }

        return properties;
    }
}
