using FleetGen.ContractEmitter;

// contract <spec> <output folder> <namespace> <type prefix>: ContractOperations.g.cs and kiota-input.json
// facade <spec> <kiota folder> <output file> <namespace> <client class>: the client's one method per operation
// internal <generated file> <output file>: the file with its top-level types made internal
if (args is ["internal", var input, var rewritten])
{
    var rewriteProblems = new List<string>();
    var internalCode = InternalTypes.Rewrite(await File.ReadAllTextAsync(input), Path.GetFileName(input), rewriteProblems);
    foreach (var problem in rewriteProblems)
    {
        Console.Error.WriteLine($"{input}: error FLEETGEN004: {problem}");
    }

    if (rewriteProblems.Count > 0)
    {
        return 1;
    }

    await File.WriteAllTextAsync(rewritten + ".tmp", internalCode);
    File.Move(rewritten + ".tmp", rewritten, overwrite: true);
    return 0;
}

if (args is not ["contract", _, _, _, _] and not ["facade", _, _, _, _, _])
{
    Console.Error.WriteLine("usage: FleetGen.ContractEmitter contract <spec> <output folder> <namespace> <type prefix>");
    Console.Error.WriteLine("       FleetGen.ContractEmitter facade <spec> <kiota folder> <output file> <namespace> <client class>");
    Console.Error.WriteLine("       FleetGen.ContractEmitter internal <generated file> <output file>");
    return 2;
}

var spec = args[1];
var problems = new List<string>();
var warnings = new List<string>();
string? code = null;
string? output = null;
try
{
    var contract = await Contract.LoadAsync(spec);
    problems.AddRange(contract.Problems);
    var display = Path.GetFileName(spec);
    if (problems.Count == 0 && args[0] == "contract")
    {
        Directory.CreateDirectory(args[2]);
        output = Path.Combine(args[2], "ContractOperations.g.cs");
        code = ContractEmitter.Emit(contract, args[3], display, args[4], problems, warnings);
        if (problems.Count == 0)
        {
            await KiotaInput.WriteAsync(contract, Path.Combine(args[2], "kiota-input.json"));
        }
    }
    else if (problems.Count == 0)
    {
        output = args[3];
        code = FacadeEmitter.Emit(contract, KiotaOutput.Read(args[2]), args[4], args[5], display, problems);
    }
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Whatever the contract holds, the build ends in a FLEETGEN error, never in an emitter's stack trace.
    problems.Add($"the emitter could not {(args[0] == "contract" ? "read the contract" : "bind the façade to Kiota's output")} ({e.GetType().Name}: {e.Message})");
}

foreach (var warning in warnings)
{
    Console.Error.WriteLine($"{spec}: warning FLEETGEN005: {warning}");
}

if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"{spec}: error FLEETGEN003: {problem}");
    }

    return 1;
}

var temporary = output! + ".tmp";
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output!))!);
await File.WriteAllTextAsync(temporary, code);
File.Move(temporary, output!, overwrite: true);
return 0;
