using System.Text.RegularExpressions;

namespace FleetGen.ContractEmitter.Tests;

/// <summary>
/// The emitter on Twilio's API v2010 (tests/PublicContracts/twilio, 197 operations, 1.5 MB of YAML, written without
/// FleetGen in mind): the operation table, without running Kiota (a few seconds: Slow). The Box contract is generated
/// and compiled whole by the slow test in FleetGen.Client.Tests.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class PublicContractTests
{
    [Fact]
    public async Task The_Twilio_contract_gives_every_operation_a_table_entry_and_reports_its_own_formats_once_each()
    {
        var spec = Path.Combine(RepositoryRoot(), "tests", "PublicContracts", "twilio", "twilio_api_v2010.yaml");
        var contract = await Contract.LoadAsync(spec);
        var problems = new List<string>(contract.Problems);
        var warnings = new List<string>();

        var table = ContractEmitter.Emit(contract, "Twilio", "twilio_api_v2010.yaml", "Twilio", problems, warnings);

        Assert.Empty(problems);
        Assert.Equal(197, OperationProperty().Count(table));
        var formats = warnings.Select(w => Regex.Match(w, "format \"([^\"]+)\"").Groups[1].Value).ToList();
        Assert.Equal(formats.Distinct().Count(), formats.Count);
        Assert.Contains("phone-number", formats);
        Assert.Contains("iso-country-code", formats);
        Assert.DoesNotContain("uri", formats);
        Assert.DoesNotContain("date-time", formats);
        Assert.Contains("Format = \"uri\"", table, StringComparison.Ordinal);
        Assert.Contains(contract.Operations, o => o.BodyKind == BodyKind.Form);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FleetGen.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"public static FleetOperation \w+ \{ get; \}")]
    private static partial Regex OperationProperty();
}
