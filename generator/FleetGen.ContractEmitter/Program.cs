using FleetGen.ContractEmitter;

// contract <spec> <output folder> <namespace> <type prefix>: ContractOperations.g.cs and kiota-input.json
// facade <spec> <kiota folder> <output file> <namespace> <client class>: the client's operation groups (one property
//   each, in the output file) and one file per group beside it
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
var contract = await Contract.LoadAsync(spec);
var problems = new List<string>(contract.Problems);
var display = Path.GetFileName(spec);
string? code = null;
string? output = null;
IReadOnlyList<(string FileName, string Code)> groupFiles = [];
if (problems.Count == 0 && args[0] == "contract")
{
    Directory.CreateDirectory(args[2]);
    output = Path.Combine(args[2], "ContractOperations.g.cs");
    code = ContractEmitter.Emit(contract, args[3], display, args[4], problems);
    if (problems.Count == 0)
    {
        await KiotaInput.WriteAsync(contract, Path.Combine(args[2], "kiota-input.json"));
    }
}
else if (problems.Count == 0)
{
    output = args[3];
    var files = FacadeEmitter.Emit(contract, KiotaOutput.Read(args[2]), args[4], args[5], Path.GetFileName(output), display, problems);
    code = files[0].Code;
    groupFiles = files.Skip(1).ToList();
}

if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"{spec}: error FLEETGEN003: {problem}");
    }

    return 1;
}

var folder = Path.GetDirectoryName(Path.GetFullPath(output!))!;
Directory.CreateDirectory(folder);
foreach (var (fileName, groupCode) in groupFiles)
{
    await WriteAsync(Path.Combine(folder, fileName), groupCode);
}

if (args[0] == "facade")
{
    // The file of a group the contract no longer has would still compile: it goes.
    var written = groupFiles.Select(f => f.FileName).ToHashSet();
    foreach (var stale in Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => FacadeEmitter.IsGroupFile(f!, args[5]) && !written.Contains(f!)))
    {
        File.Delete(Path.Combine(folder, stale!));
    }
}

// The client's file last: it is the target's output, so a failure before it reruns the whole step.
await WriteAsync(output!, code!);
return 0;

static async Task WriteAsync(string path, string text)
{
    await File.WriteAllTextAsync(path + ".tmp", text);
    File.Move(path + ".tmp", path, overwrite: true);
}
