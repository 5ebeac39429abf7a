using System.Text.Json;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>A fake UCS server on a free loopback port per test, and a FleetGen client for it.</summary>
public abstract class FakeUcsTests : IAsyncLifetime
{
    protected FakeUcsServer Server { get; private set; } = null!;

    protected FleetClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await FakeUcsServer.StartAsync();
        Client = new FleetClient(Server.ClientOptions());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// The status and error code of a GET sent as the official SDKs send it (they do not check arguments): FleetGen's
    /// client refuses such a request before sending it.
    /// </summary>
    protected async Task<(int Status, string? Code)> RawGetAsync(string pathAndQuery)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseUrl, pathAndQuery)) { Headers = { { "X-Auth-Token", FakeUcsServerOptions.DefaultToken } } };
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, body.RootElement.TryGetProperty("error_code", out var code) ? code.GetString() : null);
    }

    /// <summary>The status and documented error code of a call the fake refuses.</summary>
    protected static async Task<(int Status, string? Code)> RefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<UcsApiException>(call);
        return (error.StatusCode, error.ErrorCode);
    }
}
