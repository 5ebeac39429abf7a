using FleetGen.Client.Authentication;
using FleetGen.Client.Runtime;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using FleetGen.Synthetic;
using FleetGen.Synthetic.Models;
using FleetGen.Synthetic.V1.Namespaces.Item.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// The generator on a contract it was not written for (tests/FleetGen.SyntheticContract/synthetic.yaml): every
/// construct is generated, compiled and called against Kestrel, which checks the wire and answers.
/// </summary>
public sealed class SyntheticContractTests
{
    private static readonly Guid ItemId = Guid.Parse("6f1c2d3e-0000-4000-8000-00000000000a");

    private const string ItemJson = """
        {"id":"6f1c2d3e-0000-4000-8000-00000000000a","name":"gizmo","kind":"extra-large","tags":["a","b"],
         "limits":[{"resource":"cpu","value":4}],"matrix":[[1,2],[3]],"annotations":{"team":"blue"},
         "created":"2026-01-02T03:04:05+00:00","payload":"AAEC/w==","note":null,"size":7}
        """;

    [Fact]
    public async Task A_GET_sends_path_query_and_header_parameters_and_reads_every_construct_of_the_answer()
    {
        await using var server = await LoopbackServer.StartAsync(200, $$"""{"items":[{{ItemJson}}],"next":null}""");
        using var client = Client(server);

        var list = await client.ItemStore.ListItemsAsync("team-a", limit: 50, labels: ["x", "y z"], since: new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), xTraceTag: "t-1");

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/namespaces/team-a/items?labels=x&labels=y%20z&limit=50&since=2026-01-02T03%3A04%3A05.0000000%2B00%3A00", "t-1", 0),
            (request.Method, request.RawTarget, request.Headers["X-Trace-Tag"], request.Body.Length));
        var item = Assert.Single(list.Items!);
        Assert.Equal((ItemId, "gizmo", ItemKind.ExtraLarge), (item.Id, item.Name, item.Kind));
        Assert.Equal(["a", "b"], item.Tags!);
        Assert.Equal(("cpu", 4L), (item.Limits![0].Resource, item.Limits[0].Value));
        var matrix = ((UntypedArray)item.Matrix!).GetValue().Select(row => ((UntypedArray)row).GetValue().Select(cell => ((UntypedInteger)cell).GetValue()).ToArray()).ToArray();
        Assert.Equal([[1, 2], [3]], matrix);
        Assert.Equal("blue", item.Annotations!.AdditionalData["team"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), item.Created);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, item.Payload);
        Assert.Null(item.Note);
        Assert.Equal(7, item.Size!.Integer);
        Assert.Null(list.Next);
    }

    [Fact]
    public async Task A_POST_with_an_inline_body_sends_every_construct_as_JSON()
    {
        await using var server = await LoopbackServer.StartAsync(201, ItemJson);
        using var client = Client(server);
        var body = new ItemsPostRequestBody
        {
            Name = "gizmo",
            Kind = ItemKind.Small,
            Tags = ["a"],
            Limits = [new Limit { Resource = "cpu", Value = 999 }],
            Annotations = new ItemsPostRequestBody_annotations { AdditionalData = new Dictionary<string, object> { ["team"] = "blue" } },
            Owner = ItemId,
            Expires = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Payload = [0, 1, 2, 255],
            Weight = 0.5,
            Size = new ItemsPostRequestBody.ItemsPostRequestBody_size { String = "L" },
        };

        var item = await client.ItemStore.CreateItemAsync("team-a", body);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/namespaces/team-a/items", "application/json"), (request.Method, request.RawTarget, request.Headers["Content-Type"]));
        Assert.Equal(
            """{"annotations":{"team":"blue"},"expires":"2026-01-02T03:04:05+00:00","kind":"small","limits":[{"resource":"cpu","value":999}],"name":"gizmo","owner":"6f1c2d3e-0000-4000-8000-00000000000a","payload":"AAEC/w==","size":"L","tags":["a"],"weight":0.5}""",
            request.BodyText);
        Assert.Equal("gizmo", item.Name);
    }

    [Fact]
    public async Task A_PUT_a_DELETE_and_a_POST_without_body_reach_their_routes_with_a_dashed_path_parameter()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Method switch { "DELETE" => 204, "POST" => 202, _ => 200 };
            if (context.Request.Method != "DELETE")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(context.Request.Method == "POST" ? """{"accepted":true,"queued":12345678901}""" : ItemJson);
            }
        });
        using var client = Client(server);

        var replaced = await client.Default.ReplaceItemAsync("team-a", ItemId, new Item { Id = ItemId, Name = "gizmo" });
        await client.Default.DeleteItemAsync("team-a", ItemId, xReason: "cleanup");
        var refreshed = await client.Default.RefreshNamespaceAsync("team-a", force: true);

        var requests = server.Requests;
        Assert.Equal(
            [
                "PUT /v1/namespaces/team-a/items/6f1c2d3e-0000-4000-8000-00000000000a {\"id\":\"6f1c2d3e-0000-4000-8000-00000000000a\",\"name\":\"gizmo\"}",
                "DELETE /v1/namespaces/team-a/items/6f1c2d3e-0000-4000-8000-00000000000a ",
                "POST /v1/namespaces/team-a/refresh?force=true ",
            ],
            requests.Select(r => $"{r.Method} {r.RawTarget} {r.BodyText}"));
        Assert.Equal("cleanup", requests[1].Headers["X-Reason"]);
        Assert.Equal("gizmo", replaced.Name);
        Assert.Equal((true, 12345678901L), (refreshed.Accepted, refreshed.Queued));
    }

    public static TheoryData<string, Func<SyntheticClient, Task>> Violations() => new()
    {
        { "namespace: \"Bad_NS\" must match the pattern", c => c.ItemStore.ListItemsAsync("Bad_NS") },
        { "namespace: \"\" must not be empty", c => c.ItemStore.ListItemsAsync(string.Empty) },
        { "limit: \"0\" must be between 1 and 500", c => c.ItemStore.ListItemsAsync("ns", limit: 0) },
        { "labels: \"6 items\" must have at most 5 items", c => c.ItemStore.ListItemsAsync("ns", labels: ["1", "2", "3", "4", "5", "6"]) },
        { "X-Trace-Tag: \"a-tag-that-is-too-long\" must have at most 16 characters", c => c.ItemStore.ListItemsAsync("ns", xTraceTag: "a-tag-that-is-too-long") },
        { "X-Reason: must not contain line breaks", c => c.Default.DeleteItemAsync("ns", ItemId, "a\r\nX-Injected: 1") },
        { "name: is required", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Kind = ItemKind.Small }) },
        { "name: \"ab\" must have at least 3 characters", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "ab", Kind = ItemKind.Small }) },
        { "tags: \"0 items\" must not be empty", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small, Tags = [] }) },
        { "tags[1]: \"\" must not be empty", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small, Tags = ["a", ""] }) },
        { "limits[1].resource: is required", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small, Limits = [new Limit { Resource = "cpu" }, new Limit { Value = 1 }] }) },
        { "limits[0].value: \"1000\" must be less than 1000", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small, Limits = [new Limit { Resource = "cpu", Value = 1000 }] }) },
        { "weight: \"0\" must be greater than 0", c => c.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small, Weight = 0 }) },
        { "limits: \"4 items\" must have at most 3 items", c => c.Default.ReplaceItemAsync("ns", ItemId, new Item { Id = ItemId, Name = "abc", Limits = [new Limit { Resource = "a" }, new Limit { Resource = "b" }, new Limit { Resource = "c" }, new Limit { Resource = "d" }] }) },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_broken_rule_names_the_JSON_path_the_value_and_the_rule_and_nothing_is_sent(string violation, Func<SyntheticClient, Task> call)
    {
        await using var server = await LoopbackServer.StartAsync(200, ItemJson);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => call(client));

        Assert.Contains(violation, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("get-item", 502, 2)]
    [InlineData("get-item", 408, 2)]
    [InlineData("refresh-namespace", 504, 2)]
    [InlineData("create-item", 502, 1)]
    [InlineData("create-item", 504, 1)]
    public async Task Retries_follow_the_operations_policy_from_the_contract(string operation, int firstStatus, int attempts)
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var first = Interlocked.Increment(ref count) == 1;
            context.Response.StatusCode = first ? firstStatus : context.Request.Method == "POST" && context.Request.Path.Value!.EndsWith("refresh", StringComparison.Ordinal) ? 202 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(first ? "{}" : context.Request.Path.Value!.EndsWith("refresh", StringComparison.Ordinal) ? """{"accepted":true}""" : ItemJson);
        });
        using var client = Client(server);

        Func<Task> call = operation switch
        {
            "get-item" => () => client.ItemStore.GetItemAsync("ns", ItemId),
            "refresh-namespace" => () => client.Default.RefreshNamespaceAsync("ns", force: false),
            _ => () => client.ItemStore.CreateItemAsync("ns", new ItemsPostRequestBody { Name = "abc", Kind = ItemKind.Small }),
        };
        if (attempts == 1)
        {
            Assert.Equal(firstStatus, (await Assert.ThrowsAsync<UcsApiException>(call)).StatusCode);
        }
        else
        {
            await call();
        }

        Assert.Equal(attempts, server.Requests.Count);
    }

    [Fact]
    public async Task An_idempotent_GET_whose_attempt_outlasts_the_attempt_timeout_is_sent_again()
    {
        var count = 0;
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                firstArrived.SetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ItemJson);
        });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new SyntheticClient(new FleetClientOptions
        {
            Endpoint = server.BaseUrl,
            AllowHttp = true,
            Credentials = new TokenCredentials("synthetic-token"),
            TimeProvider = clock,
            Retry = new FleetRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(20), BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        });

        var call = client.ItemStore.GetItemAsync("ns", ItemId);
        await firstArrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal("gizmo", (await call.WaitAsync(TimeSpan.FromMinutes(1))).Name);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void The_generated_facade_is_snapshotted()
    {
        var generated = Path.Combine(Repo.Root, "tests", "FleetGen.SyntheticContract", "obj", "generated", "contract");

        Snapshot.Match(File.ReadAllText(Path.Combine(generated, "SyntheticClient.Operations.g.cs")), SnapshotNameExtension.Create("facade"));
        Snapshot.Match(File.ReadAllText(Path.Combine(generated, "SyntheticClient.ItemStoreOperations.g.cs")), SnapshotNameExtension.Create("item_store"));
        Snapshot.Match(File.ReadAllText(Path.Combine(generated, "SyntheticClient.DefaultOperations.g.cs")), SnapshotNameExtension.Create("default"));
        Snapshot.Match(File.ReadAllText(Path.Combine(generated, "ContractOperations.g.cs")), SnapshotNameExtension.Create("operations"));
    }

    [Fact]
    public void The_retry_policy_of_every_operation_is_visible()
    {
        var operations = FleetGen.Client.ContractOperations.All.Concat(FleetGen.Synthetic.ContractOperations.All).ToList();
        var (idWidth, pathWidth) = (operations.Max(o => o.Id.Length), operations.Max(o => o.Path.Length));
        var table = operations.Select(o => $"{o.Id.PadRight(idWidth)} {o.Method,-6} {o.Path.PadRight(pathWidth)} {Describe(o.Retry)}");

        Snapshot.Match(string.Join('\n', table));
    }

    private static string Describe(FleetRetryPolicy policy) => policy switch
    {
        FleetRetryPolicy.Idempotent => "retried on 408, 429, 502, 503, 504, attempt timeout, dropped connection",
        _ => "retried on 429, 503 with Retry-After, refused connection",
    };

    private static SyntheticClient Client(LoopbackServer server) => new(new FleetClientOptions
    {
        Endpoint = server.BaseUrl,
        AllowHttp = true,
        Credentials = new TokenCredentials("synthetic-token"),
        Retry = new FleetRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    });
}
