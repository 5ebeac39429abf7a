using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Documentation;

/// <summary>README.md's table of operations says what the contract and the generated client have: no operation missing, none on the wrong group, none that does not exist.</summary>
public sealed class ReadmeTableTests
{
    [Fact]
    public async Task The_readme_lists_every_operation_of_the_contract_on_its_group_and_nothing_else()
    {
        var document = await ContractDocument.LoadAsync();
        var expected = document.Paths.SelectMany(path => path.Value.Operations!.Select(operation =>
                $"| `client.{operation.Value.Tags!.First().Name}` | `{operation.Value.OperationId}Async` | `{operation.Key.Method.ToUpperInvariant()} {path.Key}` |"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"))
            .Where(line => line.StartsWith("| `client.", StringComparison.Ordinal))
            .Select(line => string.Join('|', line.Split('|')[..4]) + "|")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(76, expected.Count);
        Assert.Equal(expected, listed);
        foreach (var row in listed)
        {
            var cells = row.Split('`');
            var group = typeof(FleetClient).GetProperty(cells[1]["client.".Length..]);
            Assert.True(group?.PropertyType.GetMethod(cells[3]) is not null, $"README.md lists {cells[1]}.{cells[3]}, which the client does not have");
        }
    }
}
