namespace FleetGen.ContractEmitter;

/// <summary>
/// The <c>contract</c> and <c>facade</c> commands: whatever the contract holds, they end in output files or in
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
            error.WriteLine($"{spec}: warning FLEETGEN005: {warning}");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"{spec}: error FLEETGEN003: {problem}");
            }

            return 1;
        }

        var temporary = output! + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output!))!);
        await File.WriteAllTextAsync(temporary, code);
        File.Move(temporary, output!, overwrite: true);
        return 0;
    }
}
