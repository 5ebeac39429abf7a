using System.Runtime.Loader;
using FleetGen.Client;
using FleetGen.ReadmeSamples;
using Microsoft.Extensions.DependencyInjection;

// FleetGen.ReadmeSamples compile <folder> <markdown file>...: compiles every C# block of the files into the folder
//   (SampleCompiler: one Roslyn for all of them); exit 0 when each compiled, 1 when any has errors (its .errors file).
// FleetGen.ReadmeSamples run <folder> <markdown file> <fence line> <fake UCS URL>: runs that compiled block's statements;
//   a registration sample's clients are then resolved and each reads a fleet. Exit 0 only when it ran to its end.
switch (args)
{
    case ["compile", var folder, .. var files] when files.Length > 0:
        var compiler = new SampleCompiler();
        var failed = files.SelectMany(MarkdownSample.Read).Count(sample => !compiler.Compile(sample, folder));
        Console.WriteLine($"compiled into {folder}; {failed} with errors");
        return failed == 0 ? 0 : 1;
    case ["run", var folder, var file, var lineText, var endpointText] when int.TryParse(lineText, out var line):
        return await RunAsync(folder, MarkdownSample.Read(file).Single(s => s.Line == line), new Uri(endpointText));
    default:
        Console.Error.WriteLine("usage: FleetGen.ReadmeSamples compile <folder> <markdown file>... | run <folder> <markdown file> <fence line> <fake UCS URL>");
        return 2;
}

static async Task<int> RunAsync(string folder, MarkdownSample sample, Uri endpoint)
{
    var errors = SampleCompiler.ErrorsPath(folder, sample);
    if (File.Exists(errors))
    {
        Console.Error.WriteLine(await File.ReadAllTextAsync(errors));
        return 1;
    }

    SampleGlobals.PointAt(endpoint);
    var entryPoint = AssemblyLoadContext.Default.LoadFromAssemblyPath(SampleCompiler.AssemblyPath(folder, sample)).EntryPoint;
    if (entryPoint is null)
    {
        Console.WriteLine($"compiled {sample} (declarations only)");
        return 0;
    }

    if (entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]) is Task task)
    {
        await task;
    }

    Console.WriteLine($"ran {sample}");
    var registrations = SampleGlobals.services.Where(d => d.ServiceType == typeof(FleetClient)).ToList();
    if (registrations.Count > 0)
    {
        await using var provider = SampleGlobals.services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        foreach (var registration in registrations)
        {
            var client = registration.IsKeyedService ? provider.GetRequiredKeyedService<FleetClient>(registration.ServiceKey) : provider.GetRequiredService<FleetClient>();
            var fleet = await client.Fleet.ShowClusterGroupAsync(SampleGlobals.fleetId);
            Console.WriteLine($"resolved {registration.ServiceKey ?? "(default)"}: {fleet.Metadata?.Name}");
        }
    }

    return 0;
}
