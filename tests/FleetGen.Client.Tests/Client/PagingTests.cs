using System.Text.Json;
using FleetGen.Client.Http;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using FleetGen.Client.V1.Clustergroups;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Client;

/// <summary>
/// The paging methods generated for the lists marked <c>x-fleetgen-paging</c>, against a Kestrel server on loopback:
/// what is asked on the wire, where the reading stops, and that hostile totals and pages end it instead of looping.
/// </summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Items_are_asked_page_by_page_with_limit_offset_and_the_other_parameters_and_the_reading_stops_at_total()
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(7));
        using var client = new FleetClient(ClientFixture.Options(server));

        var names = await Names(client.Fleet.ListClusterGroupItemsAsync(GetOrder_byQueryParameterType.Update_at, pageSize: 3));

        Assert.Equal(["fleet-0", "fleet-1", "fleet-2", "fleet-3", "fleet-4", "fleet-5", "fleet-6"], names);
        Assert.Equal(
            ["/v1/clustergroups?limit=3&offset=0&order_by=update_at", "/v1/clustergroups?limit=3&offset=3&order_by=update_at", "/v1/clustergroups?limit=3&offset=6&order_by=update_at"],
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Without_a_page_size_the_reading_asks_for_pages_of_100_never_the_unbounded_page()
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(2));
        using var client = new FleetClient(ClientFixture.Options(server));

        var pages = new List<ClusterGroupList>();
        await foreach (var page in client.Fleet.ListClusterGroupPagesAsync())
        {
            pages.Add(page);
        }

        Assert.Equal(2, Assert.Single(pages).Total);
        Assert.Equal("/v1/clustergroups?limit=100&offset=0", Assert.Single(server.Requests).RawTarget);
        Assert.Equal(100, FleetPaging.DefaultPageSize);
    }

    [Fact]
    public async Task A_hostile_total_with_pages_that_come_back_empty_ends_at_the_first_empty_page()
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(3, total: 1_000_000_000));
        using var client = new FleetClient(ClientFixture.Options(server));

        var names = await Names(client.Fleet.ListClusterGroupItemsAsync(pageSize: 2));

        Assert.Equal(["fleet-0", "fleet-1", "fleet-2"], names);
        Assert.Equal(["offset=0", "offset=2", "offset=3"], server.Requests.Select(r => r.RawTarget.Split('&')[1]));
    }

    [Fact]
    public async Task A_hostile_total_with_the_same_page_again_ends_the_reading_with_an_error_at_the_second_page()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, Page(1_000_000_000, "fleet-0", "fleet-1"), ("X-Request-Id", "req-again")));
        using var client = new FleetClient(ClientFixture.Options(server));
        var names = new List<string?>();

        var error = await Assert.ThrowsAsync<UcsApiException>(async () =>
        {
            await foreach (var fleet in client.Fleet.ListClusterGroupItemsAsync(pageSize: 2))
            {
                names.Add(fleet.Metadata?.Name);
            }
        });

        Assert.Equal(["fleet-0", "fleet-1"], names);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("the page of ListClusterGroup at offset 2 repeats the page at offset 0", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-again", error.RequestId);
    }

    [Fact]
    public async Task A_service_that_ignores_the_limit_and_sends_everything_is_read_once()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, Page(3, "fleet-0", "fleet-1", "fleet-2")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var names = await Names(client.Fleet.ListClusterGroupItemsAsync(pageSize: 1));

        Assert.Equal(["fleet-0", "fleet-1", "fleet-2"], names);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(-1, "gives a negative total (-1)")]
    [InlineData(1, "holds 2 items, beyond the total it gives (1)")]
    public async Task A_page_that_contradicts_its_own_total_is_refused(int total, string problem)
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, Page(total, "fleet-0", "fleet-1")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => Names(client.Fleet.ListClusterGroupItemsAsync()));

        Assert.Contains($"the page of ListClusterGroup at offset 0 {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_that_grows_by_more_than_a_page_while_it_is_read_is_refused()
    {
        await using var server = await ClientFixture.Scripted(
            ClientFixture.Respond(200, Page(4, "fleet-0", "fleet-1")),
            ClientFixture.Respond(200, Page(7, "fleet-2", "fleet-3")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => Names(client.Fleet.ListClusterGroupItemsAsync(pageSize: 2)));

        Assert.Contains("the list of ListClusterGroup grew from 4 to 7 items while it was read, by more than a page (2)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task A_page_size_out_of_range_is_refused_when_the_method_is_called_before_anything_is_sent(int pageSize)
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(2));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = Assert.Throws<FleetValidationException>(() => client.Fleet.ListClusterGroupItemsAsync(pageSize: pageSize));

        Assert.Equal($"pageSize: \"{pageSize}\" must be from 1 to 1000", Assert.Single(error.Violations).ToString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_operations_other_arguments_are_checked_against_the_contract_when_the_method_is_called()
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(2));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = Assert.Throws<FleetValidationException>(() => client.GitOps.ListReposItemsAsync(null!));

        Assert.Equal("clusterid", Assert.Single(error.Violations).Field);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_page_goes_through_the_engines_retries_as_the_operation_does()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(503), ClientFixture.Respond(200, Page(1, "fleet-0")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var names = await Names(client.Fleet.ListClusterGroupItemsAsync());

        Assert.Equal(["fleet-0"], names);
        Assert.Equal(["/v1/clustergroups?limit=100&offset=0", "/v1/clustergroups?limit=100&offset=0"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Cancelling_the_enumerator_stops_the_reading_before_the_next_page_is_asked_for()
    {
        await using var server = await LoopbackServer.StartAsync(Fleets(10));
        using var client = new FleetClient(ClientFixture.Options(server));
        using var cancellation = new CancellationTokenSource();
        var names = new List<string?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var fleet in client.Fleet.ListClusterGroupItemsAsync(pageSize: 2).WithCancellation(cancellation.Token))
            {
                names.Add(fleet.Metadata?.Name);
                cancellation.Cancel();
            }
        });

        Assert.Equal(["fleet-0", "fleet-1"], names);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_service_with_ever_new_pages_and_a_huge_total_is_read_for_at_most_MaxPages_pages()
    {
        var asked = 0;

        var error = await Assert.ThrowsAsync<UcsApiException>(async () =>
        {
            await foreach (var _ in FleetPaging.PagesAsync<ClusterGroupList, ClusterGroup>("ListClusterGroup", (limit, offset, _) =>
            {
                asked++;
                var page = new ClusterGroupList { Total = 1_000_000_000, Items = [new ClusterGroup { Metadata = new() { Name = $"fleet-{offset}" } }] };
                return Task.FromResult(new FleetAnswer<ClusterGroupList>(200, null, [], SecretRedactor.For()) { Value = page });
            }, page => page.Items, page => page.Total, pageSize: 1))
            {
            }
        });

        Assert.Equal(FleetPaging.MaxPages, asked);
        Assert.Contains($"ListClusterGroup still had items after {FleetPaging.MaxPages} pages (offset {FleetPaging.MaxPages})", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers a page of <paramref name="count"/> fleets by the request's limit and offset, with <paramref name="total"/> (default: the count).</summary>
    private static Func<HttpContext, Task> Fleets(int count, long? total = null) =>
        async context =>
        {
            var limit = int.Parse(context.Request.Query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            var offset = int.Parse(context.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var names = Enumerable.Range(0, count).Skip(offset).Take(limit).Select(i => $"fleet-{i}").ToArray();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Page(total ?? count, names));
        };

    private static string Page(long total, params string[] names) =>
        JsonSerializer.Serialize(new { items = names.Select(n => new { metadata = new { name = n, uid = "uid-" + n } }), total });

    private static async Task<List<string?>> Names(IAsyncEnumerable<ClusterGroup> fleets)
    {
        var names = new List<string?>();
        await foreach (var fleet in fleets)
        {
            names.Add(fleet.Metadata?.Name);
        }

        return names;
    }
}
