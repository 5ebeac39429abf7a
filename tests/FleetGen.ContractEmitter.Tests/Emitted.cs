using System.Text;

namespace FleetGen.ContractEmitter.Tests;

/// <summary>A small contract run through the emitter in memory: what it emitted, its problems and its warnings.</summary>
internal sealed record Emitted(Contract Contract, string Table, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    public const string Header = """
        openapi: 3.0.3
        info:
          title: test
          version: "1"
        servers:
          - url: https://api.example.test
        """;

    public static async Task<Contract> LoadAsync(string yaml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        return await Contract.LoadAsync(stream);
    }

    /// <summary>The operation table of <paramref name="yaml"/> (a whole contract), or the problems that stopped it.</summary>
    public static async Task<Emitted> TableAsync(string yaml)
    {
        var contract = await LoadAsync(yaml);
        var problems = new List<string>(contract.Problems);
        var warnings = new List<string>();
        var table = problems.Count == 0 ? ContractEmitter.Emit(contract, "Test", "test.yaml", "Test", problems, warnings) : string.Empty;
        return new Emitted(contract, table, problems, warnings);
    }

    /// <summary>A contract with <paramref name="paths"/> (the YAML under <c>paths:</c>) and <paramref name="schemas"/> (under <c>components.schemas:</c>).</summary>
    public static string Document(string paths, string schemas = "") =>
        Header + "\npaths:\n" + Indent(paths, 2) + (schemas.Length == 0 ? string.Empty : "\ncomponents:\n  schemas:\n" + Indent(schemas, 4));

    /// <summary>One POST /things taking <paramref name="schema"/> as its body of <paramref name="mediaType"/>.</summary>
    public static string WithBody(string schema, string schemas = "", string mediaType = "application/json") => Document($"""
        /things:
          post:
            operationId: create-thing
            requestBody:
              required: true
              content:
                {mediaType}:
                  schema:
        {Indent(schema, 12)}
            responses:
              "204":
                description: Created
        """, schemas);

    public static string Indent(string yaml, int spaces) =>
        string.Join('\n', yaml.ReplaceLineEndings("\n").Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    /// <summary>The table line of the named schema field (<c>SchemaPet</c>) or of an operation's body.</summary>
    public string Line(string marker) =>
        Table.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no line with {marker} in:\n{Table}");
}
