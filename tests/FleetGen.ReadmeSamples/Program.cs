using System.Reflection;
using System.Runtime.Loader;
using FleetGen.Client;
using FleetGen.ReadmeSamples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;

// FleetGen.ReadmeSamples <markdown file> <fence line> <fake UCS URL>: compiles that C# block as a program of its own
// (statements as top-level statements, type declarations beside them) and runs its statements; a registration
// sample's clients are then resolved and each reads a fleet. Exit 0 only when the block compiled and ran to its end.
if (args is not [var file, var lineText, var endpointText] || !int.TryParse(lineText, out var line))
{
    Console.Error.WriteLine("usage: FleetGen.ReadmeSamples <markdown file> <fence line> <fake UCS URL>");
    return 2;
}

var sample = MarkdownSample.Read(file).Single(s => s.Line == line);
SampleGlobals.PointAt(new Uri(endpointText));
var parse = new CSharpParseOptions(LanguageVersion.Preview);
var imports = CSharpSyntaxTree.ParseText(
    string.Concat(new[]
    {
        "System", "System.IO", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic", "System.Linq",
        "FleetGen.Client", "FleetGen.Client.Models", "FleetGen.Client.Authentication", "FleetGen.Client.KubeconfigFiles",
        "FleetGen.Testing", "Microsoft.Extensions.DependencyInjection", "Xunit",
    }.Select(n => $"global using {n};\n")) + "global using static FleetGen.ReadmeSamples.SampleGlobals;\n",
    parse);
var code = CSharpSyntaxTree.ParseText(SampleRewrites.Apply(sample.Code), parse, path: sample.ToString());
var hasStatements = code.GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(new[] { typeof(FleetClient), typeof(FleetGen.Testing.FakeUcsServer), typeof(Xunit.Assert), typeof(Xunit.FactAttribute), typeof(SampleGlobals) }.Select(t => t.Assembly.Location))
    .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
    .Distinct(StringComparer.Ordinal)
    .Select(path => MetadataReference.CreateFromFile(path));
var compilation = CSharpCompilation.Create(
    "ReadmeSample",
    [imports, code],
    references,
    new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
using var assembly = new MemoryStream();
var emitted = compilation.Emit(assembly);
var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    errors.ForEach(e => Console.Error.WriteLine(e.ToString()));
    return 1;
}

if (!hasStatements)
{
    Console.WriteLine($"compiled {sample} (declarations only)");
    return 0;
}

assembly.Position = 0;
var entryPoint = AssemblyLoadContext.Default.LoadFromStream(assembly).EntryPoint!;
var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
if (result is Task task)
{
    await task;
}

Console.WriteLine($"ran {sample}");
var registrations = SampleGlobals.services.Where(d => d.ServiceType == typeof(FleetClient)).ToList();
if (registrations.Count > 0)
{
    await using var provider = SampleGlobals.services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    foreach (var registration in registrations)
    {
        var client = registration.IsKeyedService ? provider.GetRequiredKeyedService<FleetClient>(registration.ServiceKey) : provider.GetRequiredService<FleetClient>();
        var fleet = await client.Fleet.ShowClusterGroupAsync(SampleGlobals.fleetId);
        Console.WriteLine($"resolved {registration.ServiceKey ?? "(default)"}: {fleet.Metadata?.Name}");
    }
}

return 0;
