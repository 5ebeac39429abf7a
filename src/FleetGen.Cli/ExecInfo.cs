using System.Text.Json;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>
/// KUBERNETES_EXEC_INFO, which kubectl sets for an exec credential plugin: only its apiVersion is used. The text is
/// untrusted: its size is bounded, every other field is ignored, and a version fleetgen cannot answer is refused.
/// </summary>
internal static class ExecInfo
{
    public const string Variable = "KUBERNETES_EXEC_INFO";

    /// <summary>kubectl's ExecCredential with spec.cluster (provideClusterInfo) is a few kilobytes; fleetgen writes provideClusterInfo: false.</summary>
    private const int MaxLength = 64 * 1024;

    /// <summary>The apiVersion to answer in: kubectl's, or v1 when the variable is absent.</summary>
    public static string ApiVersion(Func<string, string?> environment)
    {
        var text = environment(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Kubeconfig.ExecCredentialApiVersion;
        }

        if (text.Length > MaxLength)
        {
            throw new CliException(ExitCodes.Usage, $"{Variable}: longer than {MaxLength} characters; kubectl's is a few kilobytes.");
        }

        string? version;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            version = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("apiVersion", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            throw new CliException(ExitCodes.Usage, $"{Variable}: not a JSON object as kubectl sets it.");
        }

        return version is not null && Kubeconfig.ExecCredentialApiVersions.Contains(version, StringComparer.Ordinal)
            ? version
            : throw new CliException(ExitCodes.Usage, $"{Variable}: apiVersion {(version is null ? "is missing" : $"\"{version}\" is not supported")}; fleetgen answers {string.Join(" or ", Kubeconfig.ExecCredentialApiVersions)}.");
    }
}
