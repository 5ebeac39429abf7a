namespace FleetGen.ContractEmitter.Tests;

/// <summary>
/// The paging methods of a list operation marked <c>x-fleetgen-paging</c>, bound to a request builder and a model in
/// the shape Kiota writes them (no Kiota process runs), and the refusal of a mark whose names the operation lacks.
/// </summary>
public sealed class PagingTests
{
    private const string Mark = """
        x-fleetgen-paging:
          limit: limit
          offset: offset
          items: items
          total: total
        """;

    [Fact]
    public async Task A_marked_list_gets_pages_and_items_methods_that_take_its_other_parameters_a_bounded_page_size_and_send_through_the_engine_and_hook()
    {
        var emitted = await FacadeAsync(Things(Mark));

        Assert.Empty(emitted.Problems);
        Assert.Contains("public virtual global::System.Collections.Generic.IAsyncEnumerable<global::Test.Models.ThingList> ListThingsPagesAsync(string shelf, string? order = default, int pageSize = FleetPaging.DefaultPageSize, CancellationToken cancellationToken = default)", emitted.Code, StringComparison.Ordinal);
        Assert.Contains("public virtual global::System.Collections.Generic.IAsyncEnumerable<global::Test.Models.Thing> ListThingsItemsAsync(string shelf, string? order = default, int pageSize = FleetPaging.DefaultPageSize, CancellationToken cancellationToken = default) =>", emitted.Code, StringComparison.Ordinal);

        // The arguments and the page size are checked when the method is called; each page is the operation's own request, sent by the engine, seen by the hook.
        Assert.Contains("            ListThingsRequest(shelf, FleetPaging.CheckPageSize(pageSize, FleetPaging.MaxPageSize), 0, order);", emitted.Code, StringComparison.Ordinal);
        Assert.Contains("""
                        return FleetPaging.PagesAsync<global::Test.Models.ThingList, global::Test.Models.Thing>("list-things", async (limit, offset, cancellation) =>
                        {
                            var answer = await Engine.SendAsync(global::Test.ContractOperations.ListThings, ListThingsRequest(shelf, limit, offset, order), global::Test.Models.ThingList.CreateFromDiscriminatorValue, cancellation).ConfigureAwait(false);
                            OnListThingsAnswer(answer, shelf, limit, offset, order);
                            return answer;
                        }, page => page.Entries, page => page.Count, pageSize, cancellationToken);
            """.ReplaceLineEndings("\n"), emitted.Code, StringComparison.Ordinal);
        Assert.Contains("FleetPaging.ItemsAsync<global::Test.Models.ThingList, global::Test.Models.Thing>(ListThingsPagesAsync(shelf, order, pageSize, cancellationToken), page => page.Entries, cancellationToken);", emitted.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_without_the_mark_gets_no_paging_methods()
    {
        var emitted = await FacadeAsync(Things(string.Empty));

        Assert.Empty(emitted.Problems);
        Assert.Contains("ListThingsAsync(", emitted.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("PagesAsync", emitted.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("ItemsAsync", emitted.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contract_maximum_of_the_limit_below_the_default_page_size_becomes_the_default_and_the_bound()
    {
        var emitted = await FacadeAsync(Things(Mark, limitMaximum: 50));

        Assert.Empty(emitted.Problems);
        Assert.Contains("ListThingsPagesAsync(string shelf, string? order = default, int pageSize = 50, CancellationToken cancellationToken = default)", emitted.Code, StringComparison.Ordinal);
        Assert.Contains("ListThingsRequest(shelf, FleetPaging.CheckPageSize(pageSize, 50), 0, order);", emitted.Code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit: size", "paths./things.get.x-fleetgen-paging.limit: the operation has no query parameter \"size\"")]
    [InlineData("offset: order", "paths./things.get.x-fleetgen-paging.offset: the query parameter \"order\" must be an integer")]
    [InlineData("items: things", "paths./things.get.x-fleetgen-paging.items: the answer has no array property \"things\"")]
    [InlineData("total: entries", "paths./things.get.x-fleetgen-paging.total: the answer has no integer property \"entries\"")]
    [InlineData("total: [count]", "paths./things.get.x-fleetgen-paging: must map limit, offset, items and total (and nothing else) to names")]
    [InlineData("cursor: next", "paths./things.get.x-fleetgen-paging: must map limit, offset, items and total (and nothing else) to names")]
    public async Task A_mark_that_names_what_the_operation_lacks_is_refused_naming_its_place(string change, string problem)
    {
        var key = change.Split(':')[0];
        var lines = Mark.Split('\n').Select(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) ? "  " + change : l).ToList();
        if (!lines.Any(l => l.Contains(change, StringComparison.Ordinal)))
        {
            lines.Add("  " + change);
        }

        var emitted = await FacadeAsync(Things(string.Join('\n', lines)));

        Assert.Equal([problem], emitted.Problems);
        Assert.DoesNotContain("PagesAsync", emitted.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_fails_the_build_with_FLEETGEN003_naming_the_mark_that_names_a_missing_property()
    {
        var folder = Directory.CreateTempSubdirectory("emitter-").FullName;
        try
        {
            var spec = Path.Combine(folder, "contract.yaml");
            var kiota = Directory.CreateDirectory(Path.Combine(folder, "kiota")).FullName;
            await File.WriteAllTextAsync(spec, Emitted.Document(Things(Mark.Replace("items: items", "items: rows", StringComparison.Ordinal)), Schemas));
            await File.WriteAllTextAsync(Path.Combine(kiota, "ThingsRequestBuilder.cs"), Builder);
            await File.WriteAllTextAsync(Path.Combine(kiota, "ThingList.cs"), Model);
            var error = new StringWriter();

            var exitCode = await EmitterCommand.RunAsync(["facade", spec, kiota, Path.Combine(folder, "out", "TestClient.Operations.g.cs"), "Test", "TestClient"], error);

            Assert.Equal(1, exitCode);
            Assert.Equal($"{spec}: error FLEETGEN003: paths./things.get.x-fleetgen-paging.items: the answer has no array property \"rows\"", error.ToString().Trim());
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Schemas = """
        ThingList:
          type: object
          properties:
            items:
              type: array
              items:
                $ref: '#/components/schemas/Thing'
            total:
              type: integer
              format: int32
        Thing:
          type: object
          properties:
            name:
              type: string
        """;

    /// <summary>GET /things with a required shelf, the limit, the offset and an order, answering a ThingList; <paramref name="mark"/> goes on the operation.</summary>
    private static string Things(string mark, int? limitMaximum = null) => $$"""
        /things:
          get:
            operationId: list-things
        {{Emitted.Indent(mark, 4)}}
            parameters:
              - name: shelf
                in: query
                required: true
                schema:
                  type: string
              - name: limit
                in: query
                schema:
                  type: integer
                  format: int32
                  minimum: -1{{(limitMaximum is { } max ? $"\n          maximum: {max}" : string.Empty)}}
              - name: offset
                in: query
                schema:
                  type: integer
                  format: int32
                  minimum: 0
              - name: order
                in: query
                schema:
                  type: string
            responses:
              "200":
                description: A page
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ThingList'
        """;

    /// <summary>The request builder of /things as Kiota writes it.</summary>
    private const string Builder = """
        namespace Test.Things
        {
            public partial class ThingsRequestBuilder : BaseRequestBuilder
            {
                public ThingsRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter) : base(requestAdapter, "{+baseurl}/things?shelf={shelf}{&limit*,offset*,order*}", pathParameters)
                {
                }
                public async Task<global::Test.Models.ThingList?> GetAsync(Action<RequestConfiguration<global::Test.Things.ThingsRequestBuilder.ThingsRequestBuilderGetQueryParameters>>? requestConfiguration = default, CancellationToken cancellationToken = default)
                {
                    var requestInfo = ToGetRequestInformation(requestConfiguration);
                    return await RequestAdapter.SendAsync<global::Test.Models.ThingList>(requestInfo, global::Test.Models.ThingList.CreateFromDiscriminatorValue, default, cancellationToken).ConfigureAwait(false);
                }
                public RequestInformation ToGetRequestInformation(Action<RequestConfiguration<global::Test.Things.ThingsRequestBuilder.ThingsRequestBuilderGetQueryParameters>>? requestConfiguration = default)
                {
                    var requestInfo = new RequestInformation(Method.GET, UrlTemplate, PathParameters);
                    return requestInfo;
                }
                public partial class ThingsRequestBuilderGetQueryParameters
                {
                    [QueryParameter("shelf")]
                    public string? Shelf { get; set; }
                    [QueryParameter("limit")]
                    public int? Limit { get; set; }
                    [QueryParameter("offset")]
                    public int? Offset { get; set; }
                    [QueryParameter("order")]
                    public string? Order { get; set; }
                }
            }
        }
        """;

    /// <summary>The page model as Kiota writes it, with property names that differ from the JSON names, so that the façade must read them.</summary>
    private const string Model = """
        namespace Test.Models
        {
            public partial class ThingList : IAdditionalDataHolder, IParsable
            {
        #if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_1_OR_GREATER
        #nullable enable
                public List<global::Test.Models.Thing>? Entries { get; set; }
        #nullable restore
        #else
                public List<global::Test.Models.Thing> Entries { get; set; }
        #endif
                public int? Count { get; set; }
                public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
                {
                    return new Dictionary<string, Action<IParseNode>>
                    {
                        { "items", n => { Entries = n.GetCollectionOfObjectValues<global::Test.Models.Thing>(global::Test.Models.Thing.CreateFromDiscriminatorValue)?.AsList(); } },
                        { "total", n => { Count = n.GetIntValue(); } },
                    };
                }
            }
        }
        """;

    private static async Task<(string Code, IReadOnlyList<string> Problems)> FacadeAsync(string paths)
    {
        var contract = await Emitted.LoadAsync(Emitted.Document(paths, Schemas));
        var problems = new List<string>(contract.Problems);
        var files = FacadeEmitter.Emit(contract, KiotaOutput.Parse([Builder, Model]), "Test", "TestClient", "TestClient.Operations.g.cs", "test.yaml", problems);
        return (string.Concat(files.Select(f => f.Code)), problems);
    }
}
