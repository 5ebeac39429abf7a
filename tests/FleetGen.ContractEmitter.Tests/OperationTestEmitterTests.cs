namespace FleetGen.ContractEmitter.Tests;

/// <summary>The wire tests the emitter writes from a contract (their runtime lives in FleetGen.Client.Tests/Operations).</summary>
public sealed class OperationTestEmitterTests
{
    private const string NoContent = "SendNoContentAsync(requestInfo, default, cancellationToken)";

    [Fact]
    public async Task Each_request_example_gets_a_test_with_arguments_from_the_examples_or_the_schema_and_the_defaults_the_example_leaves_out()
    {
        var (code, warnings) = await EmitAsync(FacadeTests.Path + """

              put:
                operationId: put-thing
                parameters:
                  - name: X-Tag
                    in: header
                    schema:
                      type: string
                      minLength: 10
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name:
                            type: string
                          size:
                            type: integer
                            default: 3
                      examples:
                        Small:
                          value:
                            name: a
                        Big:
                          value:
                            name: b
                            size: 9
                responses:
                  "204":
                    description: None
            """, FacadeTests.Builder("PUT", NoContent, "global::Test.Models.Thing"));

        Assert.Empty(warnings);
        Assert.Contains("public async Task PutThing_Small()", code, StringComparison.Ordinal);
        Assert.Contains("public async Task PutThing_Big()", code, StringComparison.Ordinal);
        Assert.Contains("var call = new OperationCall(\"put-thing\", \"PUT\", \"/things/{thing-id}\", [\"204\"]);", code, StringComparison.Ordinal);
        Assert.Contains("call.Path(\"thing-id\", \"0f8fad5b-d9cb-469f-a165-70867728950e\");", code, StringComparison.Ordinal);
        Assert.Contains("call.Header(\"X-Tag\", \"fleetgenxx\");", code, StringComparison.Ordinal);
        Assert.Single(code.Split('\n'), l => l.Contains("call.DocumentedDefault(\"$.size\", \"3\");", StringComparison.Ordinal));
        Assert.Contains("var body = call.Body(\"\"\"{\"name\":\"b\",\"size\":9}\"\"\", global::Test.Models.Thing.CreateFromDiscriminatorValue);", code, StringComparison.Ordinal);
        Assert.Contains(
            "await server.CheckAsync(call, async (client, cancellationToken) => await client.Default.PutThingWithResponseAsync(thingId: global::System.Guid.Parse(\"0f8fad5b-d9cb-469f-a165-70867728950e\"), xTag: \"fleetgenxx\", body: body, cancellationToken: cancellationToken));",
            code,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_that_cannot_be_called_from_its_examples_is_a_warning_naming_it_and_gets_no_test()
    {
        var (withoutExample, bodyWarnings) = await EmitAsync(FacadeTests.Path + """

              put:
                operationId: put-thing
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                responses:
                  "204":
                    description: None
            """, FacadeTests.Builder("PUT", NoContent, "global::Test.Models.Thing"));
        var (patterned, parameterWarnings) = await EmitAsync(FacadeTests.Path + """

              delete:
                operationId: delete-thing
                parameters:
                  - name: X-Tag
                    in: header
                    schema:
                      type: string
                      pattern: "^[a-z]{3}-[0-9]+$"
                responses:
                  "204":
                    description: None
            """, FacadeTests.Builder("DELETE", NoContent));

        Assert.DoesNotContain("[Fact]", withoutExample + patterned, StringComparison.Ordinal);
        Assert.Equal("paths./things/{thing-id}.put.requestBody: put-thing has no wire test: the request body has no example to send", Assert.Single(bodyWarnings));
        Assert.StartsWith("paths./things/{thing-id}.delete.parameters[X-Tag]: delete-thing has no wire test: no value of type string can be taken", Assert.Single(parameterWarnings), StringComparison.Ordinal);
    }

    private static async Task<(string Code, List<string> Warnings)> EmitAsync(string paths, string kiotaSource)
    {
        var contract = await Emitted.LoadAsync(Emitted.Document(paths));
        Assert.Empty(contract.Problems);
        var warnings = new List<string>();
        return (OperationTestEmitter.Emit(contract, KiotaOutput.Parse([kiotaSource]), "Test.Operations", "test.yaml", warnings), warnings);
    }
}
