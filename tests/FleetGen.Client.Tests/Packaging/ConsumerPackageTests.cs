using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Packaging;

/// <summary>
/// Another team's view: FleetGen.Client restored as a package by id and version from a feed, compiled into a project
/// outside the solution, and called against a real HTTP server.
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
        var feed = Path.Combine(work, "feed");
        var consumer = Path.Combine(work, "consumer");
        var version = "0.0.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        Directory.CreateDirectory(consumer);

        (await DotnetCli.RunAsync(Repo.Root, Timeout, null, "pack", Repo.ClientProject, "--no-build", "-c", Repo.Configuration,
            "-o", feed, $"-p:PackageVersion={version}", "-nodeReuse:false")).EnsureSuccess("dotnet pack");
        Assert.True(File.Exists(Path.Combine(feed, $"FleetGen.Client.{version}.nupkg")));

        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
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
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FleetGen.Client" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
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
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/clustergroups/fleet-42/cert"), (request.Method, request.RawTarget));
        Assert.True(JsonNode.DeepEquals(await DocumentedExamples.RequestAsync(), JsonNode.Parse(request.Body)));
    }
}
