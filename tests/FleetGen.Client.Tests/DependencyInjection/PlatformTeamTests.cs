using System.Diagnostics;
using System.Diagnostics.Metrics;
using FleetGen.Client.Authentication;
using FleetGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetGen.Client.Tests.DependencyInjection;

/// <summary>What a platform team meets: its handlers outside the pipeline, keyed clients, configuration, logs, traces and metrics.</summary>
public sealed class PlatformTeamTests : IAsyncLifetime
{
    private const string Fleet = FakeUcsServerOptions.DefaultFleet;
    private FakeUcsServer ucs = null!;

    public async Task InitializeAsync() => ucs = await FakeUcsServer.StartAsync();

    public async Task DisposeAsync() => await ucs.DisposeAsync();

    private void Point(FleetClientOptions options, FakeUcsServer server)
    {
        options.Endpoint = server.BaseUrl;
        options.AllowHttp = true;
        options.Credentials = new TokenCredentials(FakeUcsServerOptions.DefaultToken);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
    }

    [Fact]
    public async Task A_teams_handler_runs_once_per_call_before_retries_and_never_sees_a_credential()
    {
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddFleetClient(o => Point(o, ucs)).AddHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider();
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));

        await provider.GetRequiredService<FleetClient>().ShowClusterGroupAsync(Fleet);

        Assert.Equal(2, ucs.Requests.Count);
        var seen = Assert.Single(recorder.Seen);
        Assert.StartsWith($"GET /v1/clustergroups/{Fleet}", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeUcsServerOptions.DefaultToken, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Auth-Token", seen, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Keyed_clients_go_to_their_own_endpoints_and_a_second_unkeyed_registration_is_refused()
    {
        await using var other = await FakeUcsServer.StartAsync();
        var services = new ServiceCollection();
        services.AddKeyedFleetClient("cn", o => Point(o, ucs));
        services.AddKeyedFleetClient("intl", o => Point(o, other));
        services.AddFleetClient(o => Point(o, ucs));

        var twice = Assert.Throws<InvalidOperationException>(() => services.AddFleetClient(o => Point(o, other)));
        var sameKey = Assert.Throws<InvalidOperationException>(() => services.AddKeyedFleetClient("intl", o => Point(o, other)));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredKeyedService<FleetClient>("intl").ShowClusterGroupAsync(Fleet);
        await provider.GetRequiredKeyedService<FleetClient>("cn").ShowClusterGroupAsync(Fleet);
        await provider.GetRequiredService<FleetClient>().ShowClusterGroupAsync(Fleet);

        Assert.Contains("AddKeyedFleetClient", twice.Message, StringComparison.Ordinal);
        Assert.Contains("\"intl\"", sameKey.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1), (ucs.Requests.Count, other.Requests.Count));
        Assert.NotSame(provider.GetRequiredKeyedService<FleetClient>("cn"), provider.GetRequiredKeyedService<FleetClient>("intl"));
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_credentials_come_from_code_or_the_environment()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ucs:Endpoint"] = ucs.BaseUrl.ToString(),
            ["Ucs:AllowHttp"] = "true",
            ["Ucs:Timeout"] = "00:00:20",
            ["Ucs:Retry:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddFleetClient(configuration.GetSection("Ucs"), o => o.Credentials = new TokenCredentials(FakeUcsServerOptions.DefaultToken));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => provider.GetRequiredService<FleetClient>().ShowClusterGroupAsync(Fleet));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(ucs.Requests);
    }

    [Theory]
    [InlineData("Endpoint", "http://ucs.example.com", "Endpoint: http://ucs.example.com/ is http; only https is allowed")]
    [InlineData("Region", "mars", "Region: \"mars\" is not cn, intl")]
    [InlineData("Timeout", "soon", "Failed to convert configuration value 'soon' at 'Ucs:Timeout' to type 'System.TimeSpan'")]
    [InlineData("Token", "secret-in-config", "the following properties were not found on the instance of Microsoft.Extensions.DependencyInjection.FleetClientSection: 'Token'. Known keys: Endpoint, Region,")]
    [InlineData("Token", "secret-in-config", "credentials come from code or the default credential chain, never from configuration")]
    [InlineData("Retry:Attempts", "4", "not found on the instance of Microsoft.Extensions.DependencyInjection.FleetClientSection+RetrySection: 'Attempts'")]
    [InlineData("Retry:MaxRetries", "-1", "Retry.MaxRetries: -1 must be 0 or more")]
    public async Task Invalid_options_fail_at_start_up_naming_the_option(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Ucs:{key}"] = value }).Build();
        var services = new ServiceCollection();
        services.AddKeyedFleetClient("cn", configuration.GetSection("Ucs"), o => o.Credentials = new TokenCredentials("t"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_a_span_and_metrics_describe_each_call_and_its_retries_without_any_credential()
    {
        // Listeners are process-wide and tests run in parallel: this test's span is found by its own fleet, its
        // measurements by the meter factory of its own container.
        var fleet = $"fleet-{Guid.NewGuid():N}";
        ucs.AddFleet(fleet);
        using var spans = new SpanCollector();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddFleetClient(o =>
        {
            Point(o, ucs);
            o.Credentials = new AkSkCredentials(FakeUcsServerOptions.DefaultAccessKey, FakeUcsServerOptions.DefaultSecretKey, "sts-SECRET-token", "domain-1");
        });
        await using var provider = services.BuildServiceProvider();
        using var metrics = new MetricCollector(provider.GetRequiredService<IMeterFactory>());
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));

        await provider.GetRequiredService<FleetClient>().ShowClusterGroupAsync(fleet);

        var requestId = ucs.Requests[^1].RequestId;
        var span = Assert.Single(spans.Stopped, s => s.Source.Name == "FleetGen.Client" && (string?)s.GetTagItem("ucs.fleet_id") == fleet);
        Assert.Equal("UCS ShowClusterGroup", span.DisplayName);
        Assert.Equal(("ShowClusterGroup", fleet, 200, requestId, 1),
            ((string?)span.GetTagItem("ucs.operation.id"), (string?)span.GetTagItem("ucs.fleet_id"), (int?)span.GetTagItem("http.response.status_code"), (string?)span.GetTagItem("ucs.request_id"), (int?)span.GetTagItem("ucs.retry_count")));
        Assert.Equal(2, spans.Stopped.Count(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == span.SpanId));

        Assert.Contains(metrics.Measurements, m => m.Instrument == "ucs.client.operation.duration" && m.Tags["ucs.operation.id"] as string == "ShowClusterGroup" && m.Tags["outcome"] as string == "success");
        Assert.Contains(metrics.Measurements, m => m.Instrument == "ucs.client.retries" && m.Tags["reason"] as string == "status_503" && m.Value == 1);

        var fleetLogs = logs.Logs.Where(l => l.Category == "FleetGen.Client").ToList();
        Assert.Contains(fleetLogs, l => l.Level == LogLevel.Information && l.Template == "UCS {Operation}: sending again after {Reason}; attempt {NextAttempt} in {DelayMs} ms");
        Assert.Contains(fleetLogs, l => l.Level == LogLevel.Debug && l.Message.Contains($"answered 200", StringComparison.Ordinal) && l.Message.Contains(requestId, StringComparison.Ordinal));
        var everything = string.Join('\n', logs.Logs.Select(l => l.Message + l.Exception)
            .Concat(spans.Stopped.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")))
            .Concat(metrics.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        foreach (var secret in new[] { FakeUcsServerOptions.DefaultSecretKey, FakeUcsServerOptions.DefaultAccessKey, "sts-SECRET-token", "SDK-HMAC-SHA256", "BEGIN" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Retries_that_run_out_are_a_warning_and_the_span_says_why_the_call_failed()
    {
        var fleet = $"fleet-{Guid.NewGuid():N}";
        ucs.AddFleet(fleet);
        using var spans = new SpanCollector();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddFleetClient(o =>
        {
            Point(o, ucs);
            o.Retry.MaxRetries = 1;
        });
        await using var provider = services.BuildServiceProvider();
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));
        ucs.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));

        await Assert.ThrowsAsync<UcsApiException>(() => provider.GetRequiredService<FleetClient>().ShowClusterGroupAsync(fleet));

        Assert.Contains(logs.Logs, l => l.Level == LogLevel.Warning && l.Message == "UCS ShowClusterGroup: retries ran out after 2 attempts; last: status 503");
        var span = Assert.Single(spans.Stopped, s => s.Source.Name == "FleetGen.Client" && (string?)s.GetTagItem("ucs.fleet_id") == fleet);
        Assert.Equal((ActivityStatusCode.Error, "503"), (span.Status, (string?)span.GetTagItem("error.type")));
    }

    private sealed class SpanCollector : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly System.Collections.Concurrent.ConcurrentQueue<Activity> stopped = new();

        public SpanCollector()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "FleetGen.Client" or "System.Net.Http",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(listener);
        }

        public IReadOnlyList<Activity> Stopped => stopped.ToArray();

        public void Dispose() => listener.Dispose();
    }

    private sealed class MetricCollector : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

        public MetricCollector(IMeterFactory scope)
        {
            listener.InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == "FleetGen.Client" && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            listener.Start();
        }

        public IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements => measurements.ToArray();

        public void Dispose() => listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }
}
