using FleetGen.Client.Tests.Support;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Documentation;

/// <summary>
/// Every C# block of README.md and src/README.md (the package's README), compiled and run as a program of its own by
/// tests/FleetGen.ReadmeSamples against the fake UCS server, in a folder of its own as HOME and with UCS_AUTH_TOKEN
/// set: a sample that does not compile or fails fails here. Only placeholders and the public endpoints are changed
/// (SampleRewrites); names the text introduces (client, fleetId, request, services, configuration) are given.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReadmeSampleTests
{
    private static readonly string Runner = Path.Combine(Repo.Root, "tests", "FleetGen.ReadmeSamples", "bin", Repo.Configuration, "net10.0", "FleetGen.ReadmeSamples.dll");

    public static TheoryData<string, int> Samples()
    {
        var samples = new TheoryData<string, int>();
        foreach (var file in new[] { "README.md", Path.Combine("src", "README.md") })
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

        var run = await DotnetCli.RunAsync(home.Path, TimeSpan.FromMinutes(2), environment, Runner, Path.Combine(Repo.Root, file), line.ToString(System.Globalization.CultureInfo.InvariantCulture), ucs.BaseUrl.ToString());

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches("(?m)^(ran|compiled) ", run.StandardOutput);
        Assert.DoesNotContain(FakeUcsServerOptions.DefaultToken, run.Output, StringComparison.Ordinal);
    }
}
