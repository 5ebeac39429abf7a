using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.EndToEnd;

/// <summary>The fake's admin API (<see cref="FakeUcsServerOptions.AdminApi"/>) and its port option, in process.</summary>
public sealed class FakeAdminApiTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private FakeUcsServer server = null!;

    public async Task InitializeAsync() => server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { AdminApi = true });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, $"{server.AdminUrl}{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await http.SendAsync(request);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Theory]
    [InlineData("/fleets", "{}", "id", "id is required")]
    [InlineData("/fleets", """{"id": ""}""", "id", "id must not be empty.")]
    [InlineData("/fleets", """{"id": "x", "federation": 1}""", "federation", "federation must be true or false.")]
    [InlineData("/fleets", """{"id": "x", "Id": "y"}""", "Id", "Unknown field \"Id\"")]
    [InlineData("/faults", """{"kind": "teapot"}""", "kind", "kind \"teapot\" is not a fault; one of throttle, internal-error")]
    [InlineData("/faults", """{"kind": "slow"}""", "delayMilliseconds", "delayMilliseconds is required for slow.")]
    [InlineData("/faults", """{"kind": "internal-error", "retryAfterSeconds": 1}""", "retryAfterSeconds", "retryAfterSeconds applies to throttle")]
    [InlineData("/faults", """{"kind": "throttle", "count": 0}""", "count", "count must be a whole number from 1 to 100.")]
    public async Task A_body_it_cannot_carry_out_is_400_naming_the_field(string path, string body, string field, string message)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, answer.GetProperty("field").GetString());
        Assert.StartsWith(message, answer.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/fleets", "not json", 400)]
    [InlineData("POST", "/fleets", "[]", 400)]
    [InlineData("GET", "/nothing", null, 404)]
    [InlineData("DELETE", "/fleets", null, 405)]
    [InlineData("POST", "/requests", "{}", 405)]
    public async Task Other_mistakes_are_json_errors_too(string method, string path, string? body, int status)
    {
        var (answered, answer) = await SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(status, (int)answered);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Admin_calls_need_no_credentials_are_not_recorded_and_play_no_fault()
    {
        var (added, fleet) = await SendAsync(HttpMethod.Post, "/fleets", """{"id": "lab", "federation": false}""");
        var (queued, faults) = await SendAsync(HttpMethod.Post, "/faults", """{"kind": "throttle", "retryAfterSeconds": 2, "count": 2}""");
        var (_, state) = await SendAsync(HttpMethod.Get, "/state");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (added, queued));
        Assert.Equal(JsonValueKind.Null, fleet.GetProperty("federation").ValueKind);
        Assert.Equal(["429 Retry-After 2", "429 Retry-After 2"], faults.EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["fleet-demo:Available", "lab:"], state.GetProperty("fleets").EnumerateArray().Select(f => $"{f.GetProperty("id").GetString()}:{f.GetProperty("federation").GetString()}"));
        Assert.Equal(2, state.GetProperty("faults").GetArrayLength());
        Assert.Equal(0, state.GetProperty("requests").GetInt32());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Without_the_option_the_admin_path_is_an_ordinary_unauthenticated_UCS_request()
    {
        await using var plain = await FakeUcsServer.StartAsync();

        using var answer = await http.GetAsync(new Uri(plain.BaseUrl, "/_fake/state"));

        Assert.Null(plain.AdminUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Single(plain.Requests);
    }

    [Fact]
    public async Task Port_is_the_port_it_listens_on_and_a_port_in_use_throws_IOException()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var taken = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using (var fixedPort = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { Port = taken }))
        {
            Assert.Equal(new Uri($"http://127.0.0.1:{taken}"), fixedPort.BaseUrl);
            await Assert.ThrowsAnyAsync<IOException>(() => FakeUcsServer.StartAsync(new FakeUcsServerOptions { Port = taken }));
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FakeUcsServer.StartAsync(new FakeUcsServerOptions { Port = 65536 }));
    }
}
