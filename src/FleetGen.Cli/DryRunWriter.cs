using System.Text.Json;
using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Cli;

/// <summary>What get-credentials --dry-run found: the call it would make and what it would write.</summary>
internal sealed record DryRun(CredentialsRequest Request, FederationKubeconfigCall Call, KubeconfigMergePlan? Plan, string? CredentialCache)
{
    public string CallName => Call == FederationKubeconfigCall.Download ? "DownloadFederationKubeconfig" : "CreateFederationCert";
}

/// <summary>The report of a dry run on stdout: lines for people, or one JSON object with --output json.</summary>
internal static class DryRunWriter
{
    public static void Write(DryRun dryRun, CliConsole console)
    {
        var request = dryRun.Request;
        var file = request.Target == OutputTarget.File ? Path.GetFullPath(request.KubeconfigPath!) : null;
        if (request.Json)
        {
            var report = new DryRunJson(
                DryRun: true,
                dryRun.CallName,
                dryRun.Plan?.Path ?? file,
                (dryRun.Plan?.Changes ?? []).Select(c => new DryRunChangeJson(c.Kind == KubeconfigChangeKind.Add ? "add" : "replace", c.Section, c.Name, c.Path)).ToList(),
                dryRun.Plan?.CurrentContextBefore,
                dryRun.Plan?.CurrentContextAfter,
                request is { ExecArguments: { } arguments, ExecCommand: { } execCommand } ? new DryRunExecJson(execCommand.Command, [.. execCommand.LeadingArguments, .. arguments]) : null,
                dryRun.CredentialCache);
            console.Out.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.DryRunJson));
            return;
        }

        var fleet = SafeText.OneLine(request.FleetId);
        console.Out.WriteLine("Dry run: nothing was created or written.");
        console.Out.WriteLine(dryRun.Call == FederationKubeconfigCall.Download
            ? $"Fleet {fleet} has a federation connection: its kubeconfig would be downloaded ({dryRun.CallName})."
            : $"Fleet {fleet} has no federation connection: the VPC endpoint would be created with the kubeconfig ({dryRun.CallName}).");
        if (dryRun.Plan is { } plan)
        {
            foreach (var line in plan.ToString().Split('\n'))
            {
                console.Out.WriteLine(SafeText.OneLine(line));
            }
        }
        else if (file is not null)
        {
            console.Out.WriteLine($"would write a standalone kubeconfig to {SafeText.OneLine(file)} ({(File.Exists(file) ? "replacing the file there" : "a new file")})");
        }

        if (request is { ExecArguments: { } plugin, ExecCommand: { } command })
        {
            console.Out.WriteLine($"the user would run: {SafeText.OneLine(string.Join(' ', [command.Command, .. command.LeadingArguments, .. plugin]))}");
            console.Out.WriteLine($"its certificate would be cached in {SafeText.OneLine(dryRun.CredentialCache)}");
        }
    }
}
