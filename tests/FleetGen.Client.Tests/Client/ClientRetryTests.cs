using System.Net;
using System.Net.Sockets;
using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Client;

/// <summary>The create call is retried only where the server provably did not act.</summary>
public sealed class ClientRetryTests
{
    private const string Throttled = """{"error_code":"UCS.01000002","error_msg":"The throttling threshold has been reached."}""";

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Success => ClientFixture.Respond(201, ClientFixture.KubeconfigJson);

    [Fact]
    public async Task Throttled_requests_are_retried_until_they_succeed()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(429, Throttled), ClientFixture.Respond(429, Throttled, ("Retry-After", "0")), Success);
        using var client = new FleetClient(ClientFixture.Options(server));

        var config = await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Equal("ucs-fleet-1", config.CurrentContext);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(server.Requests[0].BodyText, r.BodyText));
    }

    [Fact]
    public async Task Service_unavailable_is_retried_only_with_Retry_After()
    {
        await using var withHeader = await ClientFixture.Scripted(ClientFixture.Respond(503, "{}", ("Retry-After", "0")), Success);
        await using var withoutHeader = await ClientFixture.Scripted(ClientFixture.Respond(503, "{}"), Success);
        using var first = new FleetClient(ClientFixture.Options(withHeader));
        using var second = new FleetClient(ClientFixture.Options(withoutHeader));

        await first.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());
        var error = await Assert.ThrowsAsync<UcsApiException>(() => second.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal(2, withHeader.Requests.Count);
        Assert.Equal((503, 1), (error.StatusCode, withoutHeader.Requests.Count));
    }

    [Theory]
    [InlineData(504)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(409)]
    public async Task Answers_after_which_the_service_may_have_acted_are_never_retried(int status)
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(status, "{}", ("Retry-After", "0")), Success);
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Exhausted_retries_surface_the_typed_exception_of_the_last_answer()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(429, Throttled, ("Retry-After", "0"), ("X-Request-Id", "last")));
        var options = ClientFixture.Options(server);
        options.Retry.MaxRetries = 2;
        using var client = new FleetClient(options);

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal((429, UcsErrorCodes.Throttled, "last", TimeSpan.Zero), (error.StatusCode, error.ErrorCode, error.RequestId, error.RetryAfter));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_ends_retries_at_once()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(429, Throttled, ("Retry-After", "3600")), Success);
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_waiting_to_retry()
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ClientFixture.Scripted(
            async context =>
            {
                await ClientFixture.Respond(429, Throttled, ("Retry-After", "30"))(context);
                await context.Response.CompleteAsync();
                answered.SetResult();
            },
            Success);
        var options = ClientFixture.Options(server);
        options.TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new FleetClient(options);
        using var cancel = new CancellationTokenSource();

        // The fake clock never moves: without cancellation the client would wait for the retry forever.
        var call = client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request(), cancel.Token);
        await answered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Every_AkSk_retry_is_signed_again_with_a_fresh_date()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(429, Throttled, ("Retry-After", "0")), ClientFixture.Respond(503, "{}", ("Retry-After", "0")), Success);
        var options = ClientFixture.Options(server, new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey));
        options.TimeProvider = new SteppingTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        using var client = new FleetClient(options);

        await client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, server.Requests.Select(r => r.Headers["X-Sdk-Date"]).Distinct().Count());
        Assert.All(server.Requests, r => Assert.True(IndependentSignatureVerifier.Verify(r, ClientFixture.AccessKey, ClientFixture.SecretKey, out var reason), reason));
    }

    [Fact]
    public async Task A_connection_dropped_after_sending_is_not_retried()
    {
        await using var server = await ClientFixture.Scripted(context => { context.Abort(); return Task.CompletedTask; }, Success);
        using var client = new FleetClient(ClientFixture.Options(server));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_timeout_is_not_retried_and_says_so()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ClientFixture.Scripted(
            async context =>
            {
                arrived.SetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            },
            Success);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = TimeSpan.FromSeconds(30);
        using var client = new FleetClient(options);

        var call = client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request());
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("did not complete within 30 s", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        // Refused by the transport itself, not by a port believed free: another process may take a released port.
        var refusing = new SocketsHttpHandler { ConnectCallback = (_, _) => throw new SocketException((int)SocketError.ConnectionRefused) };
        var attempts = new CountingHandler(refusing);
        var options = new FleetClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9"),
            AllowHttp = true,
            Credentials = new TokenCredentials(ClientFixture.Token),
            Transport = attempts,
            Retry = new FleetRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5) },
        };
        using var client = new FleetClient(options);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Federation.CreateFederationCertAsync("fleet-1", ClientFixture.Request()));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(3, attempts.Count);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
