using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Makes every top-level type of a generated file internal. NSwag's controller generator has no access-modifier
/// setting, and the fake server's DTOs must not be a public family of models beside the client's.
/// </summary>
internal static class InternalTypes
{
    public static string Rewrite(string code, string display, List<string> problems)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        var types = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax).ToList();
        if (types.Count == 0)
        {
            problems.Add($"{display}: no type declarations to make internal");
            return code;
        }

        // NSwag documents a parameter named after a C# keyword with its escape (<param name="@namespace">), which the
        // compiler reports as an unknown parameter.
        return root.ReplaceNodes(types, (_, type) => type.WithModifiers(Internal(type.Modifiers))).ToFullString()
            .Replace("<param name=\"@", "<param name=\"", StringComparison.Ordinal);
    }

    private static SyntaxTokenList Internal(SyntaxTokenList modifiers)
    {
        var index = modifiers.IndexOf(SyntaxKind.PublicKeyword);
        return index < 0
            ? modifiers
            : modifiers.Replace(modifiers[index], SyntaxFactory.Token(modifiers[index].LeadingTrivia, SyntaxKind.InternalKeyword, modifiers[index].TrailingTrivia));
    }
}
