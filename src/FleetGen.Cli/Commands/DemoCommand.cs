using System.CommandLine;
using System.Diagnostics;
using FleetGen.Client.Authentication;
using FleetGen.Testing;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen demo</c>: the whole get-credentials flow against the embedded fake UCS server.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", """
            Run the whole get-credentials flow against an embedded fake UCS server on 127.0.0.1: request the federation
            kubeconfig of a fleet, merge it into a temporary kubeconfig, and check it with kubectl against the fake's
            federation API server (mutual TLS). Needs no account and no network; the temporary files are removed.

            Example:
              fleetgen demo
            """);
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                return await RunAsync(console, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, console, cancellationToken);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, CancellationToken cancellationToken)
    {
        await using var ucs = await FakeUcsServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("fleetgen-demo-");
        try
        {
            var kubeconfig = Path.Combine(folder.FullName, "config");
            console.Out.WriteLine($"Fake UCS server:        {ucs.BaseUrl}");
            console.Out.WriteLine($"Fake federation server: {ucs.Kubernetes.Url}");
            var request = new CredentialsRequest(FakeUcsServerOptions.DefaultFleet, "08d44be1ef00d22e2f6fc0061f54a2f1", "11c9fe72-5a90-4295-bcfe-774726fb9066",
                "0de91d89-1e06-4e24-b371-35d5d3d3779b", 30, ucs.BaseUrl, AllowHttp: true, OutputTarget.Merge, kubeconfig, "fleetgen-demo", SetCurrentContext: true, OverwriteExisting: false, Json: false);
            console.Out.WriteLine($"$ fleetgen get-credentials --fleet {request.FleetId} --project-id {request.ProjectId} --vpc-id {request.VpcId} --subnet-id {request.SubnetId} --endpoint {ucs.BaseUrl} --allow-http --kubeconfig {kubeconfig} --context fleetgen-demo --set-current");
            var result = await CredentialsFetcher.RunAsync(request, new TokenCredentials(FakeUcsServerOptions.DefaultToken), console, cancellationToken).ConfigureAwait(false);
            SummaryWriter.Write(result, json: false, console);

            console.Out.WriteLine($"$ kubectl --kubeconfig {kubeconfig} get --raw /version");
            var (exitCode, output) = await KubectlAsync(["--kubeconfig", kubeconfig, "get", "--raw", "/version"], cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(output.Trim());
            if (exitCode != 0)
            {
                throw new CliException(ExitCodes.Api, "kubectl could not use the kubeconfig.");
            }

            console.Out.WriteLine("The kubeconfig works: kubectl reached the federation API server through mutual TLS.");
            return ExitCodes.Success;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> KubectlAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CliException(ExitCodes.LocalFile, "kubectl was not found on PATH; install it to check the kubeconfig.");
        }
    }
}
