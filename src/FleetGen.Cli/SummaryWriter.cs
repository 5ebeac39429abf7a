using System.Globalization;
using System.Text.Json;
using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>The result on stdout: a short text, or one JSON object for scripts.</summary>
internal static class SummaryWriter
{
    public static void Write(CredentialsResult result, bool json, CliConsole console)
    {
        if (json)
        {
            var summary = new SummaryJson(
                result.Path,
                result.Context,
                result.CurrentContext,
                result.PreviousContext,
                result.Server,
                result.CertificateExpiry?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                result.CredentialCache,
                result.Warnings);
            console.Out.WriteLine(JsonSerializer.Serialize(summary, CliJsonContext.Default.SummaryJson));
            return;
        }

        if (result.Target == OutputTarget.Stdout)
        {
            return;
        }

        if (result.Target == OutputTarget.Merge)
        {
            console.Out.WriteLine($"Merged context \"{SafeText.OneLine(result.Context)}\" into {SafeText.OneLine(result.Path)}.");
            console.Out.WriteLine(SafeText.OneLine(result.CurrentContext != result.Context
                ? $"Current context: {Shown(result.CurrentContext)} (kept)."
                : result.PreviousContext == result.Context
                    ? $"Current context: {Shown(result.Context)} (unchanged)."
                    : $"Switched to context {Shown(result.Context)} ({(result.PreviousContext is null ? "there was none" : $"was {Shown(result.PreviousContext)}")})."));
        }
        else
        {
            console.Out.WriteLine($"Wrote context \"{SafeText.OneLine(result.Context)}\" to {SafeText.OneLine(result.Path)}.");
        }

        console.Out.WriteLine($"Cluster server: {SafeText.OneLine(result.Server)}");
        if (result.CertificateExpiry is { } certificateExpiry)
        {
            console.Out.WriteLine($"Client certificate expires: {certificateExpiry.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        }

        if (result.CredentialCache is { } cache)
        {
            console.Out.WriteLine($"kubectl gets the certificate from 'fleetgen credential', which renews it before it expires (cached in {SafeText.OneLine(cache)}).");
        }
    }

    private static string Shown(string? context) => context is null ? "(none)" : $"\"{context}\"";
}
