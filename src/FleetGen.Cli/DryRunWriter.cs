using System.Text;
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
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteBoolean("dryRun", true);
                writer.WriteString("call", dryRun.CallName);
                writer.WriteString("kubeconfig", dryRun.Plan?.Path ?? file);
                writer.WriteStartArray("changes");
                foreach (var change in dryRun.Plan?.Changes ?? [])
                {
                    writer.WriteStartObject();
                    writer.WriteString("action", change.Kind == KubeconfigChangeKind.Add ? "add" : "replace");
                    writer.WriteString("section", change.Section);
                    writer.WriteString("name", change.Name);
                    writer.WriteString("file", change.Path);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("currentContextBefore", dryRun.Plan?.CurrentContextBefore);
                writer.WriteString("currentContextAfter", dryRun.Plan?.CurrentContextAfter);
                if (request is { ExecArguments: { } arguments, ExecCommand: { } execCommand })
                {
                    writer.WriteStartObject("exec");
                    writer.WriteString("command", execCommand.Command);
                    writer.WriteStartArray("args");
                    foreach (var argument in execCommand.LeadingArguments.Concat(arguments))
                    {
                        writer.WriteStringValue(argument);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("exec");
                }

                writer.WriteString("credentialCache", dryRun.CredentialCache);
                writer.WriteEndObject();
            }

            console.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
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
