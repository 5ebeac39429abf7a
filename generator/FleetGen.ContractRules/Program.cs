using FleetGen.ContractRules;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FleetGen.ContractRules <spec.yaml> <output folder> <namespace>");
    return 2;
}

var (spec, output, rootNamespace) = (args[0], args[1], args[2]);
var contract = await Contract.LoadAsync(spec);
if (contract.Problems.Count > 0)
{
    foreach (var problem in contract.Problems)
    {
        Console.Error.WriteLine($"{spec}: error FLEETGEN003: {problem}");
    }

    return 1;
}

Directory.CreateDirectory(output);
await WriteAsync(Path.Combine(output, "ContractRules.g.cs"), RulesEmitter.Emit(contract, rootNamespace, Path.GetFileName(spec)));
await WriteAsync(Path.Combine(output, "ContractJson.g.cs"), JsonEmitter.Emit(contract, rootNamespace, Path.GetFileName(spec)));
await WriteAsync(Path.Combine(output, "ContractRequests.g.cs"), RequestsEmitter.Emit(contract, rootNamespace, Path.GetFileName(spec)));
return 0;

static async Task WriteAsync(string path, string code)
{
    var temporary = path + ".tmp";
    await File.WriteAllTextAsync(temporary, code);
    File.Move(temporary, path, overwrite: true);
}
