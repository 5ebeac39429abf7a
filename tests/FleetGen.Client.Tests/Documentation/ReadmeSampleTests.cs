using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Documentation;

/// <summary>
/// Every C# block of README.md and src/README.md (the package's README), compiled as a program of its own by
/// tests/FleetGen.ReadmeSamples (all in one process, <see cref="CompiledReadmeSamples"/>) and run in a process of its
/// own against the fake UCS server, in a folder of its own as HOME and with UCS_AUTH_TOKEN set: a sample that does not
/// compile or fails fails here. Only placeholders and the public endpoints are changed (SampleRewrites); names the text
/// introduces (client, fleetId, request, services, configuration) are given.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReadmeSampleTests(CompiledReadmeSamples compiled) : IClassFixture<CompiledReadmeSamples>
{
    public static IEnumerable<string> Files => ["README.md", Path.Combine("src", "README.md")];

    public static TheoryData<string, int> Samples()
    {
        var samples = new TheoryData<string, int>();
        foreach (var file in Files)
        {
            var lines = File.ReadAllLines(Path.Combine(Repo.Root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "```csharp")
                {
                    samples.Add(file, i + 1);
                }
            }
        }

        return samples;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_sample_compiles_and_runs(string file, int line)
    {
        await using var ucs = await FakeUcsServer.StartAsync();
        using var home = new TempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["KUBECONFIG"] = null,
            ["KUBECACHEDIR"] = null,
            ["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken,
            ["HUAWEICLOUD_SDK_AK"] = null,
            ["HUAWEICLOUD_SDK_SK"] = null,
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = null,
            ["HUAWEICLOUD_SDK_DOMAIN_ID"] = null,
        };

        var run = await DotnetCli.RunAsync(home.Path, TimeSpan.FromMinutes(2), environment,
            CompiledReadmeSamples.Runner, "run", compiled.Folder, Path.Combine(Repo.Root, file), line.ToString(System.Globalization.CultureInfo.InvariantCulture), ucs.BaseUrl.ToString());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches("(?m)^(ran|compiled) ", run.StandardOutput);
        Assert.DoesNotContain(FakeUcsServerOptions.DefaultToken, run.Output, StringComparison.Ordinal);
    }
}

/// <summary>The README samples compiled once for the class, into a temporary folder; a sample's errors are its test's to report.</summary>
public sealed class CompiledReadmeSamples : IAsyncLifetime
{
    public static readonly string Runner = Path.Combine(Repo.Root, "tests", "FleetGen.ReadmeSamples", "bin", Repo.Configuration, "net10.0", "FleetGen.ReadmeSamples.dll");

    private readonly TempFolder folder = new();

    public string Folder => folder.Path;

    public async Task InitializeAsync()
    {
        var compile = await DotnetCli.RunAsync(Folder, TimeSpan.FromMinutes(2), null,
            [Runner, "compile", Folder, .. ReadmeSampleTests.Files.Select(f => Path.Combine(Repo.Root, f))]);
        Assert.True(compile.ExitCode is 0 or 1, compile.Output);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
