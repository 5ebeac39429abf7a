using System.Diagnostics;
using System.Text.RegularExpressions;
using FleetGen.Client.Tests.Support;
using Xunit.Abstractions;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// The generator on a large public contract written by others (tests/PublicContracts/box: Box's API, 296 operations,
/// 1.7 MB of JSON, no FleetGen extension; built by tests/FleetGen.PublicContract), generated from scratch and compiled
/// in the tests' own configuration, on the client and emitter the run was built with.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class PublicContractTests(ITestOutputHelper output)
{
    private const int BoxOperations = 296;

    [Fact]
    public async Task The_Box_contract_generates_every_operation_and_compiles_with_no_FLEETGEN_error()
    {
        var project = Path.Combine(Repo.Root, "tests", "FleetGen.PublicContract");
        var generated = Path.Combine(project, "obj", "generated");
        if (Directory.Exists(generated))
        {
            Directory.Delete(generated, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        var build = await DotnetCli.RunAsync(Repo.Root, TimeSpan.FromMinutes(15), null,
            "build", Path.Combine(project, "FleetGen.PublicContract.csproj"), "-c", Repo.Configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:PerformanceSummary");
        output.WriteLine($"generate + compile: {watch.Elapsed}");
        output.WriteLine(string.Join('\n', build.Output.Split('\n').Where(l => l.Contains("FleetGen", StringComparison.Ordinal) && l.Contains(" ms ", StringComparison.Ordinal))));

        build.EnsureSuccess("Build of the Box contract");
        Assert.DoesNotContain("error FLEETGEN", build.Output, StringComparison.Ordinal);
        Assert.Contains("FleetGen: generated the Kiota client", build.Output, StringComparison.Ordinal);
        var table = File.ReadAllText(Path.Combine(generated, "contract", "ContractOperations.g.cs"));
        // The operation groups (one file per tag) hold the façade; the client's own file holds the group properties.
        var facade = string.Concat(Directory.GetFiles(Path.Combine(generated, "contract"), "BoxClient.*Operations.g.cs").Where(f => !f.EndsWith("BoxClient.Operations.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        Assert.Equal(BoxOperations, OperationProperty().Count(table));
        Assert.Equal(BoxOperations, FacadeMethod().Count(facade));

        // Form (3), multipart (3) and binary (1) bodies are handed to validation; JSON and JSON Patch bodies are checked as sent.
        Assert.Equal(7, Regex.Count(facade, @"Engine\.Validate\(operation, request, \[[^\]]*\], body\);"));
        Assert.Contains("Task<Stream?>", facade, StringComparison.Ordinal);

        // Box's own formats (jwt, urn, timezone…) are annotations, each reported once, naming where it is used.
        var formatWarnings = build.Output.Split('\n').Where(l => l.Contains("warning FLEETGEN005", StringComparison.Ordinal)).Select(l => Regex.Match(l, "format \"([^\"]+)\"").Groups[1].Value).Distinct().ToList();
        Assert.Contains("jwt", formatWarnings);
        Assert.Contains("timezone", formatWarnings);
        Assert.DoesNotContain("date-time", formatWarnings);
    }

    [GeneratedRegex(@"public static FleetOperation \w+ \{ get; \}")]
    private static partial Regex OperationProperty();

    [GeneratedRegex(@"public virtual async Task(<[^(]+>)? \w+(?<!WithResponse)Async\(")]
    private static partial Regex FacadeMethod();
}
