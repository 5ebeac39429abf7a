using FleetGen.Benchmarks;

// calls <out>: BenchmarkDotNet per-call overhead; cold <floor|fleetgen>: one first call; cli <fleetgen executable> <floor executable> <runs> <out>: CLI wall time.
return args switch
{
    ["calls", var output] => CallOverheadReport.Run(output),
    ["cold", var contestant] => await ColdStart.RunAsync(contestant),
    ["cli", var fleetgen, var floor, var runs, var output] => await CliWallTime.RunAsync(fleetgen, floor, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: FleetGen.Benchmarks calls <out-dir> | cold <floor|fleetgen> | cli <fleetgen executable> <floor executable> <runs> <out-dir>");
    return 2;
}
