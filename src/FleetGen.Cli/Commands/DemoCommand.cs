using System.CommandLine;
using System.Diagnostics;
using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Testing;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen demo</c>: the whole federation lifecycle against the embedded fake UCS server.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", """
            Run the whole federation lifecycle against an embedded fake UCS server on 127.0.0.1: enable federation for a
            fleet and wait for its job (progress on stderr), connect it, put its kubeconfig into a temporary kubeconfig,
            check it with kubectl against the fake's federation API server (mutual TLS), then disable federation and
            wait. The fake's job steps take 300 ms. Needs no account and no network; the temporary files are removed.

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

    private const string Fleet = "fleet-lifecycle";

    private static async Task<int> RunAsync(CliConsole console, CancellationToken cancellationToken)
    {
        var options = new FakeUcsServerOptions { FederationStepDuration = TimeSpan.FromMilliseconds(300) };
        await using var ucs = await FakeUcsServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        ucs.AddFleet(Fleet, federationEnabled: false);
        var folder = Directory.CreateTempSubdirectory("fleetgen-demo-");
        try
        {
            var kubeconfig = Path.Combine(folder.FullName, "config");
            console.Out.WriteLine($"Fake UCS server:        {ucs.BaseUrl}");
            console.Out.WriteLine($"Fake federation server: {ucs.Kubernetes.Url}");
            var credentials = new TokenCredentials(FakeUcsServerOptions.DefaultToken);
            using var client = CliConnection.Create(ucs.BaseUrl, allowHttp: true, credentials, CliConnection.DefaultCallTimeout, console);
            var wait = new FederationWaitOptions { PollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(1) };
            var endpoint = $"--endpoint {ucs.BaseUrl} --allow-http";

            console.Out.WriteLine($"$ fleetgen federation enable --fleet {Fleet} --wait --poll-interval 200ms {endpoint}");
            var progress = new JobProgressWriter(console);
            var created = await client.EnableFederationAsync(Fleet, wait, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress.Finish();
            FederationWriter.Job(Fleet, created, json: false, console);

            var (projectId, vpcId, subnetId) = ("08d44be1ef00d22e2f6fc0061f54a2f1", "11c9fe72-5a90-4295-bcfe-774726fb9066", "0de91d89-1e06-4e24-b371-35d5d3d3779b");
            console.Out.WriteLine($"$ fleetgen federation connect --fleet {Fleet} --project-id {projectId} --vpc-id {vpcId} --subnet-id {subnetId} {endpoint}");
            FederationWriter.Connection(Fleet, await client.EnsureFederationConnectionAsync(Fleet, projectId, vpcId, subnetId, cancellationToken).ConfigureAwait(false), json: false, console);

            var request = new CredentialsRequest(Fleet, null, null, null, 30, ucs.BaseUrl, AllowHttp: true, CliConnection.DefaultCallTimeout, OutputTarget.Merge, kubeconfig, "fleetgen-demo", SetCurrentContext: true, OverwriteExisting: false, Json: false);
            console.Out.WriteLine($"$ fleetgen get-credentials --fleet {Fleet} {endpoint} --kubeconfig {kubeconfig} --context fleetgen-demo --set-current");
            SummaryWriter.Write(await CredentialsFetcher.RunAsync(request, credentials, console, cancellationToken).ConfigureAwait(false), json: false, console);

            console.Out.WriteLine($"$ kubectl --kubeconfig {kubeconfig} get --raw /version");
            var (exitCode, output) = await KubectlAsync(["--kubeconfig", kubeconfig, "get", "--raw", "/version"], cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(output.Trim());
            if (exitCode != 0)
            {
                throw new CliException(ExitCodes.Api, "kubectl could not use the kubeconfig.");
            }

            console.Out.WriteLine("The kubeconfig works: kubectl reached the federation API server through mutual TLS.");
            console.Out.WriteLine($"$ fleetgen federation disable --fleet {Fleet} --yes --wait --poll-interval 200ms {endpoint}");
            var deleted = await client.DisableFederationAsync(Fleet, wait, progress, cancellationToken).ConfigureAwait(false);
            progress.Finish();
            FederationWriter.Job(Fleet, deleted, json: false, console);
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
