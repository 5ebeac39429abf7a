namespace FleetGen.ContractEmitter.Tests;

/// <summary>
/// The façade bound to request builders in the shape Kiota writes them (its constructor's URL template, the
/// <c>To…RequestInformation</c> method and the adapter call), so that no Kiota process runs.
/// </summary>
public sealed class FacadeTests
{
    internal const string Path = """
        /things/{thing-id}:
          parameters:
            - name: thing-id
              in: path
              required: true
              schema:
                type: string
                format: uuid
        """;

    [Fact]
    public async Task A_deprecated_operation_gets_Obsolete_a_description_of_several_lines_stays_a_comment_and_a_required_header_of_a_value_type_is_sent_unconditionally()
    {
        var facade = await FacadeAsync(Path + """

              get:
                operationId: get-thing
                description: |-
                  Reads a thing.

                  Several lines.
                deprecated: true
                parameters:
                  - name: X-Request-Id
                    in: header
                    required: true
                    schema:
                      type: string
                      format: uuid
                  - name: X-Tag
                    in: header
                    schema:
                      type: string
                responses:
                  "204":
                    description: None
            """, Builder("GET", "SendNoContentAsync(requestInfo, default, cancellationToken)"));

        Assert.Contains("        /// <remarks>Reads a thing.\n        /// \n        /// Several lines.</remarks>\n", facade, StringComparison.Ordinal);
        Assert.Contains("        [global::System.Obsolete(\"The contract marks get-thing (GET /things/{thing-id}) deprecated.\")]\n        public virtual async Task GetThingAsync(Guid thingId, Guid xRequestId, string? xTag = default, CancellationToken cancellationToken = default)", facade, StringComparison.Ordinal);
        Assert.Contains("                configuration.Headers.Add(\"X-Request-Id\", ContractValues.HeaderText(xRequestId));", facade, StringComparison.Ordinal);
        Assert.Contains("                if (xTag is not null) configuration.Headers.Add(\"X-Tag\", ContractValues.HeaderText(xTag));", facade, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_body_and_a_stream_answer_are_passed_through_and_the_body_is_handed_to_validation()
    {
        var facade = await FacadeAsync(Path + """

              put:
                operationId: swap-photo
                requestBody:
                  content:
                    application/octet-stream:
                      schema:
                        type: string
                        format: binary
                responses:
                  "200":
                    description: The old photo
                    content:
                      application/octet-stream:
                        schema:
                          type: string
                          format: binary
            """, Builder("PUT", "SendPrimitiveAsync<Stream>(requestInfo, default, cancellationToken)", body: "Stream"));

        Assert.Contains("public virtual async Task<Stream?> SwapPhotoAsync(Guid thingId, Stream body, CancellationToken cancellationToken = default)", facade, StringComparison.Ordinal);
        Assert.Contains("Engine.Validate(operation, request, [thingId], body);", facade, StringComparison.Ordinal);
        Assert.Contains("return await Engine.SendPrimitiveAsync<Stream>(global::Test.ContractOperations.SwapPhoto, SwapPhotoRequest(thingId, body), cancellationToken).ConfigureAwait(false);", facade, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_body_is_Kiotas_MultipartBody_named_globally_and_a_JSON_body_is_validated_as_sent()
    {
        var multipart = await FacadeAsync(Attach("multipart/form-data"), Builder("POST", "SendNoContentAsync(requestInfo, default, cancellationToken)", body: "MultipartBody"));
        var json = await FacadeAsync(Attach("application/json"), Builder("POST", "SendNoContentAsync(requestInfo, default, cancellationToken)", body: "global::Test.Models.Attachment"));

        Assert.Contains("AttachAsync(Guid thingId, global::Microsoft.Kiota.Abstractions.MultipartBody body, CancellationToken cancellationToken = default)", multipart, StringComparison.Ordinal);
        Assert.Contains("Engine.Validate(operation, request, [thingId], body);", multipart, StringComparison.Ordinal);
        Assert.Contains("Engine.Validate(operation, request, [thingId]);", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_scalars_answer_is_read_with_the_engines_collection_read()
    {
        var facade = await FacadeAsync(Path + """

              get:
                operationId: list-names
                responses:
                  "200":
                    description: Names
                    content:
                      application/json:
                        schema:
                          type: array
                          items:
                            type: string
            """, Builder("GET", "SendPrimitiveCollectionAsync<string>(requestInfo, default, cancellationToken)"));

        Assert.Contains("public virtual async Task<global::System.Collections.Generic.List<string>> ListNamesAsync(Guid thingId, CancellationToken cancellationToken = default)", facade, StringComparison.Ordinal);
        Assert.Contains("return await Engine.SendPrimitiveCollectionAsync<string>(global::Test.ContractOperations.ListNames, ListNamesRequest(thingId), cancellationToken).ConfigureAwait(false);", facade, StringComparison.Ordinal);
    }

    private static string Attach(string mediaType) => Path + $"""

          post:
            operationId: attach
            requestBody:
              content:
                {mediaType}:
                  schema:
                    type: object
            responses:
              "204":
                description: None
        """;

    private static async Task<string> FacadeAsync(string paths, string kiotaSource)
    {
        var contract = await Emitted.LoadAsync(Emitted.Document(paths));
        var problems = new List<string>(contract.Problems);
        var files = FacadeEmitter.Emit(contract, KiotaOutput.Parse([kiotaSource]), "Test", "TestClient", "TestClient.Operations.g.cs", "test.yaml", problems);
        Assert.Empty(problems);
        return string.Concat(files.Select(f => f.Code));
    }

    /// <summary>A request builder for <c>/things/{thing-id}</c> with one method, as Kiota writes one.</summary>
    internal static string Builder(string method, string adapterCall, string? body = null)
    {
        var pascal = method[0] + method[1..].ToLowerInvariant();
        var bodyParameter = body is null ? string.Empty : $"{body} body, ";
        var bodyArgument = body is null ? string.Empty : "body, ";
        return $$"""
            namespace Test.Things.Item
            {
                public partial class WithThingItemRequestBuilder : BaseRequestBuilder
                {
                    public WithThingItemRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter) : base(requestAdapter, "{+baseurl}/things/{thing%2Did}", pathParameters)
                    {
                    }
                    public async Task {{pascal}}Async({{bodyParameter}}Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default, CancellationToken cancellationToken = default)
                    {
                        var requestInfo = To{{pascal}}RequestInformation({{bodyArgument}}requestConfiguration);
                        return await RequestAdapter.{{adapterCall}}.ConfigureAwait(false);
                    }
                    public RequestInformation To{{pascal}}RequestInformation({{bodyParameter}}Action<RequestConfiguration<DefaultQueryParameters>>? requestConfiguration = default)
                    {
                        var requestInfo = new RequestInformation(Method.{{method}}, UrlTemplate, PathParameters);
                        return requestInfo;
                    }
                }
            }
            """;
    }
}
