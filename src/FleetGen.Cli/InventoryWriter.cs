using FleetGen.Client;
using FleetGen.Client.Models;
using static FleetGen.Cli.FederationWriter;

namespace FleetGen.Cli;

/// <summary>Fleets, clusters and federation versions on stdout: tables and short lines for people, one JSON object for scripts.</summary>
internal static class InventoryWriter
{
    public static void Fleets(IReadOnlyList<ClusterGroup> fleets, bool json, CliConsole console)
    {
        var items = fleets.Select(f => new FleetItemJson(Blank(f.Metadata?.Uid), Blank(f.Metadata?.Name), Blank(f.GetFederationCondition()?.Status), Blank(f.Spec?.FederationVersion), Blank(f.Spec?.Description))).ToList();
        if (json)
        {
            Write(console, new FleetListJson(items), CliJsonContext.Default.FleetListJson);
            return;
        }

        CliTable.Write(console, ["NAME", "ID", "FEDERATION", "VERSION", "DESCRIPTION"], items.Select(f => new[] { f.Name, f.Id, f.Federation ?? "not enabled", f.Version, f.Description }));
    }

    public static void FleetCreated(string? id, string name, IReadOnlyList<UcsReference> clusters, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new FleetCreatedJson(id, name, clusters.Select(c => c.Id).ToList()), CliJsonContext.Default.FleetCreatedJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Created fleet {name} ({id ?? "UCS returned no id"}){(clusters.Count == 0 ? string.Empty : $" with {Joined(clusters)}")}."));
    }

    public static void FleetDeleted(UcsReference fleet, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new FleetDeletedJson(fleet.Id, Deleted: true), CliJsonContext.Default.FleetDeletedJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Deleted fleet {fleet}."));
    }

    /// <param name="action"><c>added</c> or <c>removed</c>.</param>
    public static void FleetClusters(UcsReference fleet, string action, IReadOnlyList<UcsReference> clusters, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new FleetClustersJson(fleet.Id, action, clusters.Select(c => c.Id).ToList()), CliJsonContext.Default.FleetClustersJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"{(action == "added" ? "Added" : "Removed")} {Joined(clusters)} {(action == "added" ? "to" : "from")} fleet {fleet}."));
    }

    public static void Clusters(string? fleetId, IReadOnlyList<Cluster> clusters, bool json, CliConsole console)
    {
        var items = clusters.Select(ClusterJsonOf).ToList();
        if (json)
        {
            Write(console, new ClusterListJson(fleetId, items), CliJsonContext.Default.ClusterListJson);
            return;
        }

        CliTable.Write(console, ["NAME", "ID", "FLEET", "TYPE", "PHASE", "KUBERNETES"], items.Select(c => new[] { c.Name, c.Id, c.Fleet, c.Type, c.Phase, c.KubernetesVersion }));
    }

    public static void Cluster(Cluster cluster, bool json, CliConsole console)
    {
        var item = ClusterJsonOf(cluster);
        if (json)
        {
            Write(console, item, CliJsonContext.Default.ClusterJson);
            return;
        }

        Line(console, "Cluster", item.Id);
        Line(console, "Name", item.Name ?? "-");
        Line(console, "Fleet", item.Fleet ?? "none");
        Line(console, "Type", $"{item.Type ?? "-"} ({item.Category ?? "-"}, {item.ManageType ?? "-"})");
        Line(console, "Phase", item.Phase ?? "-");
        Line(console, "Kubernetes", item.KubernetesVersion ?? "-");
        Line(console, "Region", item.Region ?? "-");
        foreach (var condition in cluster.Status?.Conditions ?? [])
        {
            Line(console, "Condition", $"{condition.Type} {condition.Status}{(string.IsNullOrEmpty(condition.Reason) ? string.Empty : $" ({condition.Reason})")}");
        }
    }

    /// <param name="fleet">With --fleet: the fleet and its federation version; only its row is shown.</param>
    public static void Versions(IReadOnlyList<(string Current, IReadOnlyList<string> Targets)> versions, (string Id, string? Version)? fleet, bool json, CliConsole console)
    {
        var rows = fleet is { } only ? versions.Where(v => v.Current == only.Version).ToList() : versions;
        if (json)
        {
            Write(console, new VersionsJson(fleet?.Id, fleet?.Version, rows.Select(v => new VersionJson(v.Current, v.Targets)).ToList()), CliJsonContext.Default.VersionsJson);
            return;
        }

        if (fleet is { } shown)
        {
            Line(console, "Fleet", shown.Id);
            Line(console, "Version", shown.Version ?? "- (federation is not enabled)");
            Line(console, "Upgrades", rows.SelectMany(v => v.Targets).ToList() is { Count: > 0 } targets ? string.Join(", ", targets) : "none offered");
            return;
        }

        CliTable.Write(console, ["CURRENT", "TARGETS"], rows.Select(v => new[] { v.Current, string.Join(", ", v.Targets) }));
    }

    private static ClusterJson ClusterJsonOf(Cluster c) => new(
        Blank(c.Metadata?.Uid),
        Blank(c.Metadata?.Name),
        Blank(c.Spec?.ClusterGroupID),
        Blank(c.Spec?.Type),
        Blank(c.Spec?.Category),
        Blank(c.Spec?.ManageType),
        Blank(c.Status?.Phase),
        Blank(c.Status?.KubernetesVersion),
        Blank(c.Spec?.Region));

    private static string Joined(IReadOnlyList<UcsReference> clusters) =>
        $"{(clusters.Count == 1 ? "cluster" : "clusters")} {string.Join(", ", clusters)}";
}
