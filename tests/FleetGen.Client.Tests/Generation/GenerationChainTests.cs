using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// The generation pipeline end to end, in the run's copy of the repository (<see cref="PackedRepository"/>), put back
/// after each test. Each step runs the generation targets a build runs before compiling
/// (generator/FleetGen.Generator.targets), in the copy's Release CI mode; the main job's build compiles what they emit.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class GenerationChainTests
{
    private const string GeneratedMessage = "FleetGen: generated the Kiota client";

    private const string ContextUser = "        user:\n          type: string\n          description: User name\n";

    // The client is restored and the emitter built by the copy's first generation (PackedRepository.ClientGenerationAsync).
    private static Task<DotnetCli.Result> GenerateClientAsync(PackedRepository repository) =>
        repository.GenerateAsync(repository.Copy.ClientProject, PackedRepository.ClientGenerationTarget, "--no-restore");

    // FleetGen.Testing's controller base, from the emitter the client's generation built (its references not built).
    private static Task<DotnetCli.Result> GenerateServerAsync(PackedRepository repository) =>
        repository.GenerateAsync(Path.Combine(repository.Copy.Root, "src", "FleetGen.Testing", "FleetGen.Testing.csproj"), "FleetGenGenerateServer", "-p:BuildProjectReferences=false");

    [Fact]
    public async Task A_spec_change_changes_the_generated_code_and_its_digests_by_exactly_the_lines_of_the_change()
    {
        var repository = await PackedRepository.GetAsync();
        var copy = repository.Copy;
        await repository.ClientGenerationAsync();
        using var restore = new RestoredFiles(copy.Spec);
        copy.EditSpec(ContextUser, ContextUser + "        namespace:\n          type: string\n          description: Default namespace\n");

        // The client and FleetGen.Testing's server base, from the same spec.
        (await GenerateClientAsync(repository)).EnsureSuccess("Client generation after the spec change");
        (await GenerateServerAsync(repository)).EnsureSuccess("Server generation after the spec change");

        Assert.Contains("public string? Namespace { get; set; }", File.ReadAllText(Path.Combine(copy.GeneratedDir, "kiota", "Models", "Context.cs")), StringComparison.Ordinal);
        Assert.Equal(
            [
                "+ Models.Context: public property Namespace string? { get; set; }",
                "+ Models.Context.GetFieldDeserializers: \"namespace\" => n => { Namespace = n.GetStringValue(); }",
                "+ Models.Context.Serialize: writer.WriteStringValue(\"namespace\", Namespace)",
            ],
            GeneratedCodeSnapshotTests.KiotaDigestChanges(copy.Root, copy.GeneratedDir));
        Assert.Equal(
            ["+ Context: [JsonPropertyName(\"namespace\")] public property Namespace string { get; set; }"],
            GeneratedCodeSnapshotTests.ServerDigestChanges(copy.Root, Path.Combine(copy.Root, "src", "FleetGen.Testing", "obj", "generated", "nswag")));
    }

    [Fact]
    public async Task Generation_runs_only_when_an_input_changed_rules_follow_the_spec_and_a_broken_spec_fails_the_build()
    {
        var repository = await PackedRepository.GetAsync();
        var copy = repository.Copy;
        var firstBuild = await repository.ClientGenerationAsync();
        var settings = Path.Combine(copy.Root, "generator", "FleetGen.Generator.props");
        using var restore = new RestoredFiles(copy.Spec, settings);

        (await GenerateClientAsync(repository)).EnsureSuccess("Generation");
        var noOp = (await GenerateClientAsync(repository)).EnsureSuccess("Generation with nothing changed");
        File.AppendAllText(settings, "\n<!-- settings edited -->\n");
        var afterSettingsChange = (await GenerateClientAsync(repository)).EnsureSuccess("Generation after a settings change");

        Assert.Contains(GeneratedMessage, firstBuild, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratedMessage, noOp.Output, StringComparison.Ordinal);
        Assert.Contains(GeneratedMessage, afterSettingsChange.Output, StringComparison.Ordinal);

        copy.EditSpec("          maximum: 1825\n", "          maximum: 999\n");
        (await GenerateClientAsync(repository)).EnsureSuccess("Generation after a bound changed");
        var rules = File.ReadAllText(Path.Combine(copy.GeneratedDir, "contract", "ContractOperations.g.cs"));
        Assert.Contains("[\"duration\"] = new ContractSchema { Type = ContractTypes.Integer, Format = \"int32\", Minimum = 1d, Maximum = 999d }", rules, StringComparison.Ordinal);

        copy.EditSpec("#/components/schemas/NamedContext'", "#/components/schemas/NamedContxt'");
        var danglingReference = await GenerateClientAsync(repository);

        Assert.NotEqual(0, danglingReference.ExitCode);
        Assert.Matches("error FLEETGEN00[13]", danglingReference.Output);
        Assert.Contains("spec/ucs.yaml", danglingReference.Output, StringComparison.Ordinal);
        Assert.Contains("NamedContxt", danglingReference.Output, StringComparison.Ordinal);

        File.WriteAllText(copy.Spec, "openapi: 3.0.3\ninfo: [\n  title");
        var notYaml = await GenerateClientAsync(repository);

        Assert.NotEqual(0, notYaml.ExitCode);
        Assert.Contains("error FLEETGEN003", notYaml.Output, StringComparison.Ordinal);
    }
}
