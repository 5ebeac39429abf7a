using System.Diagnostics;
using FleetGen.Testing;

// dotnet run --project samples/FleetGen.Demo [-- <fleetgen command or fleetgen.dll>]
// After `dotnet cake`, add `-c Release --no-build` to run the demo it built instead of building the repository again.
// Starts the fake UCS server (its federation jobs take 300 ms a step), then runs fleetgen as a user would: enable and
// wait with progress, connect, get-credentials into a temporary kubeconfig, kubectl over mutual TLS, disable and wait.
var fleetgen = args.Length > 0 ? args[0] : "fleetgen";
const string Fleet = "fleet-lifecycle";

await using var ucs = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromMilliseconds(300) });
ucs.AddFleet(Fleet, federationEnabled: false);
var folder = Directory.CreateTempSubdirectory("fleetgen-demo-");
try
{
    var kubeconfig = Path.Combine(folder.FullName, "config");
    Console.WriteLine($"Fake UCS server:        {ucs.BaseUrl}");
    Console.WriteLine($"Fake federation server: {ucs.Kubernetes.Url}");
    string[] endpoint = ["--endpoint", ucs.BaseUrl.ToString(), "--allow-http"];
    string[] wait = ["--wait", "--poll-interval", "200ms", "--timeout", "1m"];

    await RunAsync(fleetgen, ["federation", "enable", "--fleet", Fleet, .. wait, .. endpoint]);
    await RunAsync(fleetgen, ["federation", "connect", "--fleet", Fleet, "--project-id", "08d44be1ef00d22e2f6fc0061f54a2f1",
        "--vpc-id", "11c9fe72-5a90-4295-bcfe-774726fb9066", "--subnet-id", "0de91d89-1e06-4e24-b371-35d5d3d3779b", .. endpoint]);
    await RunAsync(fleetgen, ["get-credentials", "--fleet", Fleet, "--kubeconfig", kubeconfig, "--context", "fleetgen-demo", .. endpoint]);
    await RunAsync("kubectl", ["--kubeconfig", kubeconfig, "get", "--raw", "/version"]);
    Console.WriteLine();
    Console.WriteLine("The kubeconfig works: kubectl reached the federation API server through mutual TLS.");
    await RunAsync(fleetgen, ["federation", "disable", "--fleet", Fleet, "--yes", .. wait, .. endpoint]);
    return 0;
}
catch (DemoStepFailedException e)
{
    Console.Error.WriteLine($"demo: {e.Message}");
    return 1;
}
finally
{
    folder.Delete(recursive: true);
}

// A command as a user types it, with the environment's token for the fake; its output goes straight to this console.
static async Task RunAsync(string command, string[] arguments)
{
    var start = command.EndsWith(".dll", StringComparison.Ordinal) ? new ProcessStartInfo("dotnet", [command, .. arguments]) : new ProcessStartInfo(command, arguments);
    start.UseShellExecute = false;
    start.Environment["UCS_AUTH_TOKEN"] = FakeUcsServerOptions.DefaultToken;
    start.Environment.Remove("HUAWEICLOUD_SDK_AK");
    start.Environment.Remove("HUAWEICLOUD_SDK_SK");
    Console.WriteLine($"$ {Path.GetFileNameWithoutExtension(command)} {string.Join(' ', arguments)}");
    try
    {
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new DemoStepFailedException($"{Path.GetFileName(command)} {arguments[0]} exited {process.ExitCode}.");
        }
    }
    catch (System.ComponentModel.Win32Exception)
    {
        throw new DemoStepFailedException($"{command} was not found; install it (kubectl), or pass the fleetgen command or fleetgen.dll to run.");
    }
}

internal sealed class DemoStepFailedException(string message) : Exception(message);
