using FleetGen.Benchmarks;

// calls <out>: BenchmarkDotNet per-call overhead; wait <out>: requests of a federation wait; cold <floor|fleetgen>: one first call; cli <fleetgen executable> <floor executable> <native floor executable or -> <portable fleetgen.dll or -> <runs> <out>: CLI wall time.
return args switch
{
    ["calls", var output] => CallOverheadReport.Run(output),
    ["wait", var output] => await WaitRequestCount.RunAsync(output),
    ["cold", var contestant] => await ColdStart.RunAsync(contestant),
    ["cli", var fleetgen, var floor, var nativeFloor, var portable, var runs, var output] => await CliWallTime.RunAsync(fleetgen, floor, nativeFloor == "-" ? null : nativeFloor, portable == "-" ? null : portable, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: FleetGen.Benchmarks calls <out-dir> | wait <out-dir> | cold <floor|fleetgen> | cli <fleetgen executable> <floor executable> <native floor or -> <portable fleetgen.dll or -> <runs> <out-dir>");
    return 2;
}
