using System.Text.Json;
using FleetGen.Client;
using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Cli;

/// <summary>What get-credentials --dry-run found: the call it would make (<paramref name="CallName"/>, told in <paramref name="Sentence"/>) and what it would write.</summary>
internal sealed record DryRun(CredentialsRequest Request, string CallName, string Sentence, KubeconfigMergePlan? Plan, IReadOnlyList<string>? ExecArguments, string? CredentialCache);

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
                (dryRun.ExecArguments, request.ExecCommand) is ({ } arguments, { } execCommand) ? new DryRunExecJson(execCommand.Command, [.. execCommand.LeadingArguments, .. arguments]) : null,
                dryRun.CredentialCache);
            console.Out.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.DryRunJson));
            return;
        }

        console.Out.WriteLine("Dry run: nothing was created or written.");
        console.Out.WriteLine(SafeText.OneLine(dryRun.Sentence));
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

        if ((dryRun.ExecArguments, request.ExecCommand) is ({ } plugin, { } command))
        {
            console.Out.WriteLine($"the user would run: {SafeText.OneLine(string.Join(' ', [command.Command, .. command.LeadingArguments, .. plugin]))}");
            console.Out.WriteLine($"its certificate would be cached in {SafeText.OneLine(dryRun.CredentialCache)}");
        }
    }
}
