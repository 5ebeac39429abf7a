namespace FleetGen.ContractEmitter;

/// <summary>
/// The <c>contract</c>, <c>facade</c> and <c>operation-tests</c> commands: whatever the contract holds, they end in output files or in
/// <c>FLEETGEN</c> errors (and warnings) in MSBuild's format naming the place, never in an unhandled exception.
/// </summary>
internal static class EmitterCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var spec = args[1];
        var problems = new List<string>();
        var warnings = new List<string>();
        string? code = null;
        string? output = null;
        IReadOnlyList<(string FileName, string Code)> groupFiles = [];
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
            else if (problems.Count == 0 && args[0] == "operation-tests")
            {
                output = args[3];
                code = OperationTestEmitter.Emit(contract, KiotaOutput.Read(args[2]), args[4], display, warnings);
            }
            else if (problems.Count == 0)
            {
                output = args[3];
                var files = FacadeEmitter.Emit(contract, KiotaOutput.Read(args[2]), args[4], args[5], Path.GetFileName(output), display, problems);
                code = files[0].Code;
                groupFiles = files.Skip(1).ToList();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the contract holds, the build ends in a FLEETGEN error, never in an emitter's stack trace.
            problems.Add($"the emitter could not {args[0] switch { "contract" => "read the contract", "facade" => "bind the façade to Kiota's output", _ => "write the operation tests" }} ({e.GetType().Name}: {e.Message})");
        }

        foreach (var warning in warnings)
        {
            error.WriteLine($"{spec}: warning {(args[0] == "operation-tests" ? "FLEETGEN007" : "FLEETGEN005")}: {warning}");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"{spec}: error FLEETGEN003: {problem}");
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
    }

    /// <summary>Writes a generated file whole or not at all: a temporary file beside it, then renamed over it.</summary>
    public static async Task WriteAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
