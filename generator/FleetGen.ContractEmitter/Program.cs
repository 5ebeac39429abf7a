using FleetGen.ContractEmitter;

// contract <spec> <output folder> <namespace> <type prefix>: ContractOperations.g.cs and kiota-input.json
// facade <spec> <kiota folder> <output file> <namespace> <client class>: the client's operation groups (one property
//   each, in the output file) and one file per group beside it
// operation-tests <spec> <kiota folder> <output file> <test namespace>: one wire test per operation and request example
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

    await EmitterCommand.WriteAsync(rewritten, internalCode);
    return 0;
}

if (args is not ["contract", _, _, _, _] and not ["facade", _, _, _, _, _] and not ["operation-tests", _, _, _, _])
{
    Console.Error.WriteLine("usage: FleetGen.ContractEmitter contract <spec> <output folder> <namespace> <type prefix>");
    Console.Error.WriteLine("       FleetGen.ContractEmitter facade <spec> <kiota folder> <output file> <namespace> <client class>");
    Console.Error.WriteLine("       FleetGen.ContractEmitter operation-tests <spec> <kiota folder> <output file> <test namespace>");
    Console.Error.WriteLine("       FleetGen.ContractEmitter internal <generated file> <output file>");
    return 2;
}

return await EmitterCommand.RunAsync(args, Console.Error);
