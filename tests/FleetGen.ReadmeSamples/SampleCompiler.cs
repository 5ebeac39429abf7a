using FleetGen.Client;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FleetGen.ReadmeSamples;

/// <summary>
/// Compiles README samples as programs of their own (statements as top-level statements, type declarations beside
/// them), all against one set of references: a sample becomes <c>&lt;name&gt;.dll</c> in the output folder, or
/// <c>&lt;name&gt;.errors</c> with its compiler errors.
/// </summary>
public sealed class SampleCompiler
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    private readonly SyntaxTree imports = CSharpSyntaxTree.ParseText(
        string.Concat(new[]
        {
            "System", "System.IO", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic", "System.Linq",
            "FleetGen.Client", "FleetGen.Client.Models", "FleetGen.Client.Authentication", "FleetGen.Client.KubeconfigFiles",
            "FleetGen.Testing", "Microsoft.Extensions.DependencyInjection", "Xunit",
        }.Select(n => $"global using {n};\n")) + "global using static FleetGen.ReadmeSamples.SampleGlobals;\n",
        Parse);

    private readonly IReadOnlyList<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Concat(new[] { typeof(FleetClient), typeof(FleetGen.Testing.FakeUcsServer), typeof(Xunit.Assert), typeof(Xunit.FactAttribute), typeof(SampleGlobals) }.Select(t => t.Assembly.Location))
        .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        .Distinct(StringComparer.Ordinal)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToList();

    public static string AssemblyPath(string folder, MarkdownSample sample) => Path.Combine(folder, sample.AssemblyName + ".dll");

    public static string ErrorsPath(string folder, MarkdownSample sample) => Path.Combine(folder, sample.AssemblyName + ".errors");

    /// <summary>Writes the sample's assembly or its errors; true when it compiled.</summary>
    public bool Compile(MarkdownSample sample, string folder)
    {
        var code = CSharpSyntaxTree.ParseText(SampleRewrites.Apply(sample.Code), Parse, path: sample.ToString());
        var hasStatements = code.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            sample.AssemblyName,
            [imports, code],
            references,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        if (errors.Count > 0)
        {
            File.WriteAllLines(ErrorsPath(folder, sample), errors);
            return false;
        }

        File.WriteAllBytes(AssemblyPath(folder, sample), assembly.ToArray());
        return true;
    }
}
