using FleetGen.ContractRules;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FleetGen.ContractRules <spec.yaml> <output.cs> <namespace>");
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

var code = RulesEmitter.Emit(contract, rootNamespace, Path.GetFileName(spec));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var temporary = output + ".tmp";
await File.WriteAllTextAsync(temporary, code);
File.Move(temporary, output, overwrite: true);
return 0;
