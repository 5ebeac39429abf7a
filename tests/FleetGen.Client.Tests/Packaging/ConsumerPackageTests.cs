using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// Another team's view: FleetGen.Client (without YamlDotNet) and FleetGen.Kubeconfig restored as packages by id and version from the run's feed
/// (<see cref="PackedRepository"/>), compiled into a project outside the solution, and called against a real HTTP server.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ConsumerPackageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly string work = Path.Combine(Path.GetTempPath(), "fleetgen-consumer-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Packed_client_restores_compiles_and_calls_the_endpoint()
    {
        var repository = await PackedRepository.GetAsync();
        var feed = repository.Feed;
        var consumer = Path.Combine(work, "consumer");
        var package = repository.Package("FleetGen.Client");
        var version = Path.GetFileNameWithoutExtension(package)["FleetGen.Client.".Length..];
        Directory.CreateDirectory(consumer);

        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
            // The package explains itself to users; contributor matter stays in the repository.
            using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
            var text = await readme.ReadToEndAsync();
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repo.Root, "src", "README.md")), text);
            Assert.DoesNotContain("How generation works", text, StringComparison.Ordinal);
            Assert.NotNull(archive.GetEntry("LICENSE"));
        }

        WriteNugetConfig(consumer, feed, version);
        WriteProject(Path.Combine(consumer, "Consumer.csproj"), version, "FleetGen.Client");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using FleetGen.Client;
            using FleetGen.Client.Models;
            using Microsoft.Kiota.Abstractions.Authentication;
            using Microsoft.Kiota.Http.HttpClientLibrary;

            var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = args[0] };
            var client = new UcsApiClient(adapter);
            var config = await client.V1.Clustergroups[args[1]].Cert.PostAsync(new CreateFederationCertRequestBody
            {
                ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1",
                VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066",
                SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b",
                Duration = 30,
            });
            Console.WriteLine($"context={config!.CurrentContext} server={config.Clusters![0].Cluster!.Server}");
            """);

        await using var server = await LoopbackServer.StartAsync(201, (await DocumentedExamples.ResponseAsync()).ToJsonString());
        var run = (await DotnetCli.RunAsync(consumer, Timeout, null, "run", "--", server.BaseUrl.ToString().TrimEnd('/'), "fleet-42"))
            .EnsureSuccess("The consumer project");

        Assert.Contains("context=demo server=https://ip:port", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("YamlDotNet", await File.ReadAllTextAsync(Path.Combine(consumer, "obj", "project.assets.json")), StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/clustergroups/fleet-42/cert"), (request.Method, request.RawTarget));
        Assert.True(JsonNode.DeepEquals(await DocumentedExamples.RequestAsync(), JsonNode.Parse(request.Body)));
    }

    /// <summary>
    /// A platform team's service, through the public API of the packed packages only: keyed clients bound from an
    /// in-memory configuration with credentials from the environment, a handler of its own that never sees a credential,
    /// a logger that captures the retry, listeners that see the span and the instruments, and a kubeconfig made in one
    /// line and merged.
    /// </summary>
    [Fact]
    public async Task Packed_packages_serve_a_platform_team_through_their_public_API()
    {
        var repository = await PackedRepository.GetAsync();
        var feed = repository.Feed;
        var consumer = Path.Combine(work, "platform");
        var version = Path.GetFileNameWithoutExtension(repository.Package("FleetGen.Testing"))["FleetGen.Testing.".Length..];
        Directory.CreateDirectory(consumer);

        WriteNugetConfig(consumer, feed, version);
        WriteProject(Path.Combine(consumer, "Platform.csproj"), version, "FleetGen.Client", "FleetGen.Kubeconfig", "FleetGen.Testing");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Collections.Concurrent;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;
            using FleetGen.Client;
            using FleetGen.Client.KubeconfigFiles;
            using FleetGen.Testing;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;

            await using var cn = await FakeUcsServer.StartAsync();
            await using var intl = await FakeUcsServer.StartAsync();
            var spans = new ConcurrentQueue<Activity>();
            using var activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "FleetGen.Client",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = spans.Enqueue,
            };
            ActivitySource.AddActivityListener(activities);
            var instruments = new ConcurrentQueue<string>();
            using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == "FleetGen.Client") l.EnableMeasurementEvents(i); } };
            meters.SetMeasurementEventCallback<double>((i, _, _, _) => instruments.Enqueue(i.Name));
            meters.SetMeasurementEventCallback<long>((i, _, _, _) => instruments.Enqueue(i.Name));
            meters.Start();

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ucs:Cn:Endpoint"] = cn.BaseUrl.ToString(),
                ["Ucs:Cn:AllowHttp"] = "true",
                ["Ucs:Cn:Retry:BaseDelay"] = "00:00:00.001",
                ["Ucs:Intl:Endpoint"] = intl.BaseUrl.ToString(),
                ["Ucs:Intl:AllowHttp"] = "true",
            }).Build();
            var logs = new ListLoggerProvider();
            var seen = new SeenHandler();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddKeyedFleetClient("cn", configuration.GetSection("Ucs:Cn")).AddHttpMessageHandler(() => seen);
            services.AddKeyedFleetClient("intl", configuration.GetSection("Ucs:Intl"));
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            cn.EnqueueFault(FakeUcsFault.ServiceUnavailable(TimeSpan.Zero));
            await provider.GetRequiredKeyedService<FleetClient>("cn").Fleet.ShowClusterGroupAsync(FakeUcsServerOptions.DefaultFleet);
            await provider.GetRequiredKeyedService<FleetClient>("intl").Fleet.ShowClusterGroupAsync(FakeUcsServerOptions.DefaultFleet);
            var folder = Directory.CreateTempSubdirectory("platform-");
            var merged = await FakeCertificateAuthority.CreateKubeconfig("consumer").MergeIntoAsync(Path.Combine(folder.FullName, "config"));
            folder.Delete(recursive: true);

            Console.WriteLine($"cn={cn.Requests.Count} intl={intl.Requests.Count} seen={seen.Requests.Count} credentialSeen={seen.Requests.Any(r => r.Contains("X-Auth-Token", StringComparison.OrdinalIgnoreCase))}");
            Console.WriteLine($"spans={string.Join(",", spans.Select(s => s.DisplayName).Distinct())} instruments={string.Join(",", instruments.Distinct().Order())}");
            Console.WriteLine($"retryLogged={logs.Lines.Any(l => l.Contains("sending again after status_503", StringComparison.Ordinal))} context={merged.Context}");
            Console.WriteLine(string.Join("\n", logs.Lines));

            sealed class SeenHandler : DelegatingHandler
            {
                public ConcurrentQueue<string> Requests { get; } = new();

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Requests.Enqueue(string.Join(";", request.Headers.Select(h => $"{h.Key}={string.Join(",", h.Value)}")));
                    return base.SendAsync(request, cancellationToken);
                }
            }

            sealed class ListLoggerProvider : ILoggerProvider, ILogger
            {
                public ConcurrentQueue<string> Lines { get; } = new();

                public ILogger CreateLogger(string categoryName) => this;

                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => true;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                    Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");

                public void Dispose()
                {
                }
            }
            """);

        var environment = new Dictionary<string, string?> { ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken, ["HUAWEICLOUD_SDK_AK"] = null, ["HUAWEICLOUD_SDK_SK"] = null };
        var run = (await DotnetCli.RunAsync(consumer, Timeout, environment, "run")).EnsureSuccess("The platform consumer project");

        Assert.Contains("cn=2 intl=1 seen=1 credentialSeen=False", run.Output, StringComparison.Ordinal);
        Assert.Contains("spans=UCS ShowClusterGroup instruments=ucs.client.operation.duration,ucs.client.retries", run.Output, StringComparison.Ordinal);
        Assert.Contains("retryLogged=True context=consumer", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeUcsServerOptions.DefaultToken, run.Output, StringComparison.Ordinal);
    }

    /// <summary>An executable project outside the solution that references the packed packages by id and version.</summary>
    private void WriteProject(string path, string version, params string[] packages) => File.WriteAllText(path, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{version}\" />\n"))}  </ItemGroup>
        </Project>
        """);

    private static void WriteNugetConfig(string consumer, string feed, string version)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // A package of the same version restored by an earlier run (the copy's version repeats from run to run, the
        // main job's from edit to edit) would be taken from the global packages folder instead of the feed.
        foreach (var id in new[] { "fleetgen.client", "fleetgen.kubeconfig", "fleetgen.testing" })
        {
            var restored = Path.Combine(globalPackages, id, version);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }
        }

        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fleetgen" value="{feed}" />
                <add key="restored" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
    }
}
