using System.Text.Json.Nodes;

namespace FleetGen.ContractEmitter.Tests;

/// <summary>What the emitter reads of operations a contract written by others has: bodies and answers of every kind, default responses, defaults for FleetGen's extensions.</summary>
public sealed class OperationTests
{
    [Theory]
    [InlineData("application/json", "Json")]
    [InlineData("application/merge-patch+json", "Json")]
    [InlineData("text/plain", "Text")]
    [InlineData("application/x-www-form-urlencoded", "Form")]
    [InlineData("multipart/form-data", "Multipart")]
    public async Task A_body_of_a_structured_media_type_keeps_its_schema_for_validation(string mediaType, string kind)
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("type: object\nproperties:\n  name:\n    type: string\n    minLength: 2", mediaType: mediaType));

        Assert.Empty(emitted.Problems);
        Assert.Equal(kind, Assert.Single(emitted.Contract.Operations).BodyKind.ToString());
        Assert.Contains("[\"name\"] = new ContractSchema { Type = ContractTypes.String, MinLength = 2 }", emitted.Table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    public async Task A_binary_body_is_a_stream_with_no_schema_to_check(string mediaType)
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("type: string\nformat: binary", mediaType: mediaType));

        Assert.Empty(emitted.Problems);
        var operation = Assert.Single(emitted.Contract.Operations);
        Assert.Equal((BodyKind.Binary, null), (operation.BodyKind, operation.Body));
    }

    [Fact]
    public async Task Text_binary_and_JSON_answers_are_all_success_answers()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /notes:
              get:
                operationId: read-notes
                responses:
                  "200":
                    description: Notes
                    content:
                      text/plain:
                        schema:
                          type: string
            /photo:
              get:
                operationId: read-photo
                responses:
                  "200":
                    description: Bytes
                    content:
                      application/octet-stream:
                        schema:
                          type: string
                          format: binary
            """));

        Assert.Empty(emitted.Problems);
        Assert.All(emitted.Contract.Operations, o => Assert.True(o.AnswerRequired));
    }

    [Fact]
    public async Task A_default_response_is_the_success_answer_of_an_operation_without_2XX_and_reaches_Kiota_as_200()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /ping:
              get:
                operationId: ping
                responses:
                  default:
                    description: Any answer
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            pong:
                              type: boolean
            """));
        var responses = await KiotaResponsesAsync(emitted.Contract, "/ping");

        Assert.True(Assert.Single(emitted.Contract.Operations).AnswerRequired);
        Assert.Equal(["200"], responses.Select(r => r.Key));
        Assert.NotNull(responses["200"]!["content"]!["application/json"]);
    }

    [Fact]
    public async Task A_default_response_beside_a_2XX_one_is_an_error_answer_whose_body_Kiota_does_not_get()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /ping:
              get:
                operationId: ping
                responses:
                  "204":
                    description: Pong
                  default:
                    description: An error
                    content:
                      application/json:
                        schema:
                          type: object
            """));
        var responses = await KiotaResponsesAsync(emitted.Contract, "/ping");

        Assert.False(Assert.Single(emitted.Contract.Operations).AnswerRequired);
        Assert.Null(responses["default"]!["content"]);
    }

    [Fact]
    public async Task Without_FleetGen_extensions_operations_are_retried_by_HTTP_method_and_hosts_get_default_names()
    {
        var yaml = Emitted.Document("""
            /things:
              get:
                operationId: list-things
                responses:
                  "204":
                    description: None
              post:
                operationId: create-thing
                responses:
                  "204":
                    description: None
              put:
                operationId: replace-thing
                responses:
                  "204":
                    description: None
            """).Replace("""
            servers:
              - url: https://api.example.test
            """, """
            servers:
              - url: https://api.example.test
              - url: https://{region}.example.test
                variables:
                  region:
                    default: eu
              - url: /relative
              - url: https://backup.example.test
            """, StringComparison.Ordinal);

        var emitted = await Emitted.TableAsync(yaml);

        Assert.Empty(emitted.Problems);
        Assert.Contains("public static FleetOperation ListThings { get; } = new(\n            \"list-things\",\n            \"GET\",\n            \"/things\",\n            FleetRetryPolicy.Idempotent,", emitted.Table, StringComparison.Ordinal);
        Assert.Contains("\"POST\",\n            \"/things\",\n            FleetRetryPolicy.NotIdempotent,", emitted.Table, StringComparison.Ordinal);
        Assert.Contains("\"PUT\",\n            \"/things\",\n            FleetRetryPolicy.Idempotent,", emitted.Table, StringComparison.Ordinal);
        Assert.Equal(["Server1 https://api.example.test", "Server4 https://backup.example.test"], emitted.Contract.Endpoints.Select(e => $"{e.Name} {e.Url}"));
        Assert.Contains("public static global::System.Uri Server4 { get; } = new(\"https://backup.example.test\");", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_without_operationId_is_named_after_its_method_and_path()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /users/{user-id}/keys:
              get:
                parameters:
                  - name: user-id
                    in: path
                    required: true
                    schema:
                      type: string
                responses:
                  "204":
                    description: None
            """));

        Assert.Empty(emitted.Problems);
        Assert.Equal("get-users-by-user-id-keys", Assert.Single(emitted.Contract.Operations).OperationId);
        Assert.Contains("public static FleetOperation GetUsersByUserIdKeys { get; }", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deprecated_is_read_from_the_operation()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /old:
              get:
                operationId: old
                deprecated: true
                responses:
                  "204":
                    description: None
            """));

        Assert.True(Assert.Single(emitted.Contract.Operations).Deprecated);
    }

    [Fact]
    public async Task Error_examples_with_numeric_codes_or_that_are_not_objects_are_read_without_crashing()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /things:
              get:
                operationId: list-things
                responses:
                  "204":
                    description: None
                  "400":
                    description: Bad
                    content:
                      application/json:
                        examples:
                          bad-request:
                            value:
                              error_code: 40001
                              error_msg: 12
                          a-list:
                            value: [1, 2]
                          a-number:
                            value: 7
            """));

        Assert.Empty(emitted.Problems);
        var error = Assert.Single(emitted.Contract.ErrorCodes);
        Assert.Equal(("BadRequest", "40001", "12"), (error.Name, error.Code, error.Message));
        Assert.Contains("public const string BadRequest = \"40001\";", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_whose_names_differ_only_in_signs_get_distinct_CSharp_names()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /calls:
              get:
                operationId: list-calls
                parameters:
                  - name: StartTime
                    in: query
                    schema:
                      type: string
                  - name: StartTime<
                    in: query
                    schema:
                      type: string
                  - name: StartTime>
                    in: query
                    schema:
                      type: string
                  - name: start_time
                    in: query
                    schema:
                      type: string
                responses:
                  "204":
                    description: None
            """));

        Assert.Empty(emitted.Problems);
        Assert.Equal(["startTime", "startTimeLessThan", "startTimeGreaterThan", "startTime2"], Assert.Single(emitted.Contract.Operations).Parameters.Select(p => p.ClrName));
    }

    [Fact]
    public async Task Error_example_names_given_to_several_codes_get_their_code_and_success_examples_are_not_error_codes()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /a:
              get:
                operationId: a
                responses:
                  "200":
                    description: A call record, which has an error_code field of its own
                    content:
                      application/json:
                        examples:
                          fetch:
                            value:
                              error_code: 0
                  "404":
                    description: Missing
                    content:
                      application/json:
                        examples:
                          missing:
                            value:
                              error_code: "A.404"
            /b:
              get:
                operationId: b
                responses:
                  "204":
                    description: None
                  "404":
                    description: Missing
                    content:
                      application/json:
                        examples:
                          missing:
                            value:
                              error_code: "B.404"
            """));

        Assert.Empty(emitted.Problems);
        Assert.Equal(["Missing_A404 A.404", "Missing_B404 B.404"], emitted.Contract.ErrorCodes.Select(e => $"{e.Name} {e.Code}"));
    }

    /// <summary>The responses of the GET at <paramref name="path"/> in the contract as Kiota is given it.</summary>
    private static async Task<JsonObject> KiotaResponsesAsync(Contract contract, string path)
    {
        var kiotaInput = Path.Combine(Path.GetTempPath(), $"kiota-input-{Guid.NewGuid():N}.json");
        try
        {
            await KiotaInput.WriteAsync(contract, kiotaInput);
            return JsonNode.Parse(await File.ReadAllTextAsync(kiotaInput))!["paths"]![path]!["get"]!["responses"]!.AsObject();
        }
        finally
        {
            File.Delete(kiotaInput);
        }
    }
}
