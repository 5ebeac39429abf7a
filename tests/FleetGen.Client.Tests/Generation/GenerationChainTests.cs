using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Generation;

/// <summary>The generation pipeline end to end, in the run's copy of the repository (<see cref="PackedRepository"/>), put back after each test.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class GenerationChainTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private const string GeneratedMessage = "FleetGen: generated the Kiota client";

    private const string ContextUser = "        user:\n          type: string\n          description: User name\n";

    private static Task<DotnetCli.Result> BuildAsync(RepoCopy copy) =>
        DotnetCli.RunAsync(copy.Root, BuildTimeout, null, "build", copy.ClientProject, "-nodeReuse:false", "-p:UseSharedCompilation=false");

    [Fact]
    public async Task A_spec_change_changes_the_generated_code_and_fails_the_snapshot_tests_of_exactly_the_changed_files()
    {
        var copy = (await PackedRepository.GetAsync()).Copy;
        var mismatchDir = Path.Combine(copy.Root, "tests", "FleetGen.Client.Tests", "Generation", "__snapshots__", "__mismatch__");
        using var restore = new RestoredFiles(copy.Spec);
        copy.EditSpec(ContextUser, ContextUser + "        namespace:\n          type: string\n          description: Default namespace\n");
        try
        {
            var run = await DotnetCli.RunAsync(copy.Root, BuildTimeout,
                new Dictionary<string, string?> { ["SNAPSHOOTER_STRICT_MODE"] = "true" },
                "test", Path.Combine(copy.Root, "tests", "FleetGen.Client.Tests", "FleetGen.Client.Tests.csproj"),
                "--filter", "FullyQualifiedName~GeneratedCodeSnapshotTests", "-nodeReuse:false", "-p:UseSharedCompilation=false");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("public string? Namespace { get; set; }", File.ReadAllText(Path.Combine(copy.GeneratedDir, "kiota", "Models", "Context.cs")), StringComparison.Ordinal);
            Assert.Contains("Failed:     2,", run.Output, StringComparison.Ordinal);
            Assert.Contains("Generated_file(relativePath: \"kiota/Models/Context.cs\")", run.Output, StringComparison.Ordinal);
            Assert.Contains("Generated_server_file(relativePath: \"UcsControllerBase.g.cs\")", run.Output, StringComparison.Ordinal);
            Assert.Equal(
                [
                    "GeneratedCodeSnapshotTests.Generated_file_kiota.Models.Context.cs.snap",
                    "GeneratedCodeSnapshotTests.Generated_server_file_UcsControllerBase.g.cs.snap",
                ],
                Directory.GetFiles(mismatchDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(mismatchDir))
            {
                Directory.Delete(mismatchDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Generation_runs_only_when_an_input_changed_rules_follow_the_spec_and_a_broken_spec_fails_the_build()
    {
        var repository = await PackedRepository.GetAsync();
        var copy = repository.Copy;
        var settings = Path.Combine(copy.Root, "generator", "FleetGen.Generator.props");
        using var restore = new RestoredFiles(copy.Spec, settings);

        (await BuildAsync(copy)).EnsureSuccess("Build");
        var noOp = (await BuildAsync(copy)).EnsureSuccess("No-op rebuild");
        File.AppendAllText(settings, "\n<!-- settings edited -->\n");
        var afterSettingsChange = (await BuildAsync(copy)).EnsureSuccess("Rebuild after a settings change");

        Assert.Contains(GeneratedMessage, repository.FirstClientBuildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratedMessage, noOp.Output, StringComparison.Ordinal);
        Assert.Contains(GeneratedMessage, afterSettingsChange.Output, StringComparison.Ordinal);

        copy.EditSpec("          maximum: 1825\n", "          maximum: 999\n");
        (await BuildAsync(copy)).EnsureSuccess("Rebuild after a bound changed");
        var rules = File.ReadAllText(Path.Combine(copy.GeneratedDir, "contract", "ContractOperations.g.cs"));
        Assert.Contains("[\"duration\"] = new ContractSchema { Type = ContractTypes.Integer, Format = \"int32\", Minimum = 1d, Maximum = 999d }", rules, StringComparison.Ordinal);

        copy.EditSpec("#/components/schemas/NamedContext\"", "#/components/schemas/NamedContxt\"");
        var danglingReference = await BuildAsync(copy);

        Assert.NotEqual(0, danglingReference.ExitCode);
        Assert.Matches("error FLEETGEN00[13]", danglingReference.Output);
        Assert.Contains("spec/ucs.yaml", danglingReference.Output, StringComparison.Ordinal);
        Assert.Contains("NamedContxt", danglingReference.Output, StringComparison.Ordinal);

        File.WriteAllText(copy.Spec, "openapi: 3.0.3\ninfo: [\n  title");
        var notYaml = await BuildAsync(copy);

        Assert.NotEqual(0, notYaml.ExitCode);
        Assert.Contains("error FLEETGEN003", notYaml.Output, StringComparison.Ordinal);
    }
}
