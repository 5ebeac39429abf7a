using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>The federation versions UCS offers (ListServerConfigs): for each current version, the versions it can be upgraded to.</summary>
internal static class FederationVersions
{
    public static IReadOnlyList<(string Current, IReadOnlyList<string> Targets)> Of(ServerConfig config) =>
        (config.Federations?.VersionsInfo ?? [])
            .Where(info => !string.IsNullOrEmpty(info.CurrentVersion?.FederationVersion))
            .Select(info => (info.CurrentVersion!.FederationVersion!, (IReadOnlyList<string>)(info.TargetVersions ?? []).Select(t => t.FederationVersion).OfType<string>().Where(v => v.Length > 0).ToList()))
            .ToList();

    /// <summary>The versions a federation at <paramref name="current"/> can be upgraded to.</summary>
    public static IReadOnlyList<string> TargetsOf(ServerConfig config, string current) =>
        Of(config).Where(v => v.Current == current).SelectMany(v => v.Targets).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads the fleet's federation version and the versions UCS offers for it; a <paramref name="target"/> not among
    /// them exits 2 naming --version and the offered versions, before any upgrade is sent.
    /// </summary>
    public static async Task CheckTargetAsync(FleetClient client, string fleetId, string target, CancellationToken cancellationToken)
    {
        var fleet = await client.Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(fleet.Spec?.FederationVersion))
        {
            var status = fleet.GetFederationCondition()?.Status;
            throw new FederationStateException(fleetId, status, status is null
                ? $"Fleet {fleetId} has no federation: there is nothing to upgrade."
                : $"The federation of fleet {fleetId} is {status} and shows no version yet: wait for its job to end.");
        }

        var current = fleet.Spec.FederationVersion;
        var offered = TargetsOf(await client.Federation.ListServerConfigsAsync(cancellationToken).ConfigureAwait(false), current);
        if (!offered.Contains(target, StringComparer.Ordinal))
        {
            throw new CliException(ExitCodes.Usage, SafeText.OneLine(
                $"--version: \"{target}\" is not a version UCS offers for fleet {fleetId}'s federation version {current}; offered: {(offered.Count == 0 ? "none (it is the latest)" : string.Join(", ", offered))}. No upgrade was sent."));
        }
    }
}
