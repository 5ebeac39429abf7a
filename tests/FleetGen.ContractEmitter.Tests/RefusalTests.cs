namespace FleetGen.ContractEmitter.Tests;

/// <summary>What the emitter cannot honour fails the build with a FLEETGEN error naming its place, never with an exception.</summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task A_cookie_parameter_is_refused_naming_it()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /things:
              get:
                operationId: list-things
                parameters:
                  - name: session
                    in: cookie
                    schema:
                      type: string
                responses:
                  "204":
                    description: None
            """));

        Assert.Equal(["paths./things.get.parameters[session]: cookie parameters are not supported"], emitted.Problems);
    }

    [Fact]
    public async Task A_readOnly_part_of_a_multipart_body_is_refused_naming_it()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("type: object\nproperties:\n  id:\n    type: string\n    readOnly: true", mediaType: "multipart/form-data"));

        Assert.Equal(["paths./things.post.requestBody.content.multipart/form-data.schema.properties.id: a readOnly part of a multipart body is not supported (the part is serialized before the client could leave it out)"], emitted.Problems);
    }

    [Fact]
    public async Task A_discriminator_that_maps_no_value_is_refused_naming_it()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("""
            type: object
            required: [kind]
            properties:
              kind:
                type: string
            oneOf:
              - type: object
                required: [kind]
                properties:
                  kind:
                    type: string
              - type: object
                required: [kind]
                properties:
                  kind:
                    type: string
            discriminator:
              propertyName: kind
            """));

        Assert.Equal(["paths./things.post.requestBody.discriminator: the discriminator kind maps no value to a schema (no mapping, no referenced oneOf/anyOf branch, no schema deriving by allOf)"], emitted.Problems);
    }

    [Fact]
    public async Task A_dangling_reference_is_refused_naming_it()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("$ref: \"#/components/schemas/Missing\"", "Present:\n  type: string"));

        Assert.Contains("line 16: the reference #/components/schemas/Missing points to nothing in the contract", emitted.Problems);
    }

    [Fact]
    public async Task Text_that_is_not_a_contract_is_refused()
    {
        var emitted = await Emitted.TableAsync("openapi: 3.0.3\ninfo: [\n  title");

        Assert.NotEmpty(emitted.Problems);
    }

    [Fact]
    public async Task Operation_ids_that_give_one_method_name_are_refused_naming_both()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /a:
              get:
                operationId: list-things
                responses:
                  "204":
                    description: None
            /b:
              get:
                operationId: list_things
                responses:
                  "204":
                    description: None
            """));

        Assert.Equal(["paths./a.get, paths./b.get: the operationIds list-things, list_things give the same method name ListThingsAsync"], emitted.Problems);
    }

    [Fact]
    public async Task A_path_parameter_the_operation_does_not_declare_is_refused_naming_it()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /things/{id}:
              get:
                operationId: get-thing
                responses:
                  "204":
                    description: None
            """));

        Assert.Equal(["paths./things/{id}.get: the path parameter id is not declared"], emitted.Problems);
    }

    [Fact]
    public async Task A_host_name_that_is_not_a_CSharp_identifier_is_refused_naming_it()
    {
        var yaml = Emitted.Document("/a:\n  get:\n    operationId: a\n    responses:\n      \"204\":\n        description: None")
            .Replace("- url: https://api.example.test", "- url: https://api.example.test\n    x-fleetgen-preset: not a name", StringComparison.Ordinal);

        var emitted = await Emitted.TableAsync(yaml);

        Assert.Equal(["servers[0].x-fleetgen-preset: must be a C# identifier"], emitted.Problems);
    }

    [Fact]
    public async Task The_facade_of_an_operation_Kiota_generated_no_builder_for_is_refused_naming_the_operation()
    {
        var contract = await Emitted.LoadAsync(Emitted.Document("/things:\n  get:\n    operationId: list-things\n    responses:\n      \"204\":\n        description: None"));
        var problems = new List<string>();

        FacadeEmitter.Emit(contract, [], "Test", "TestClient", "TestClient.Operations.g.cs", "test.yaml", problems);

        Assert.Equal(["paths./things.get: Kiota generated no request builder that sends GET /things"], problems);
    }

    [Fact]
    public async Task The_command_ends_in_FLEETGEN_errors_in_MSBuild_format_when_the_facade_cannot_read_Kiota_output()
    {
        var spec = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(spec, Emitted.Document("/a:\n  get:\n    operationId: a\n    responses:\n      \"204\":\n        description: None"));
        try
        {
            var error = new StringWriter();
            var exitCode = await EmitterCommand.RunAsync(["facade", spec, "/nonexistent/kiota", Path.Combine(Path.GetTempPath(), "never.cs"), "Test", "TestClient"], error);

            Assert.Equal(1, exitCode);
            Assert.StartsWith($"{spec}: error FLEETGEN003: the emitter could not bind the façade to Kiota's output (DirectoryNotFoundException:", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task The_command_reports_an_unknown_format_as_an_MSBuild_warning_and_still_emits()
    {
        var folder = Directory.CreateTempSubdirectory("emitter-").FullName;
        var spec = Path.Combine(folder, "contract.yaml");
        await File.WriteAllTextAsync(spec, Emitted.WithBody("type: string\nformat: phone-number"));
        try
        {
            var error = new StringWriter();
            var exitCode = await EmitterCommand.RunAsync(["contract", spec, folder, "Test", "Test"], error);

            Assert.Equal(0, exitCode);
            Assert.Equal($"{spec}: warning FLEETGEN005: paths./things.post.requestBody: format \"phone-number\" is defined by neither JSON Schema nor OpenAPI, so it is an annotation and not checked", error.ToString().Trim());
            Assert.True(File.Exists(Path.Combine(folder, "ContractOperations.g.cs")));
            Assert.True(File.Exists(Path.Combine(folder, "kiota-input.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
