using System.CommandLine;
using FleetGen.Client.Models;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen cluster ...</c>: list and show registered clusters.</summary>
internal static class ClusterCommand
{
    public static Option<string> ClusterOption(bool required = true, string description = "The cluster: its id, or its name (looked up in the cluster list).") =>
        UcsReferences.Option("--cluster", description, required);

    /// <summary>A repeatable --cluster (one value per flag).</summary>
    public static Option<string[]> ClustersOption(string description, bool required = false)
    {
        var option = new Option<string[]>("--cluster") { Description = description, Required = required, AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>() is { } values && values.Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("--cluster: must not be blank.");
            }
        });
        return option;
    }

    public static Command Create(CliConsole console) => new("cluster", "Registered clusters: list them (all, or a fleet's) and show one.")
    {
        List(console),
        Show(console),
    };

    private static Command List(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption(required: false, "Only this fleet's clusters: its id, or its name (looked up in the fleet list).");
        var command = new Command("list", $"""
            List registered clusters, every one or a fleet's: name, id, fleet, type, phase and Kubernetes version
            (ShowClusterList, read {UcsPages.PageSize} at a time).

            Examples:
              fleetgen cluster list
              fleetgen cluster list --fleet prod --output json
            """) { fleet };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            var fleetId = parse.GetValue(fleet) is { } given ? (await UcsReferences.FleetAsync(client, given, cancellationToken).ConfigureAwait(false)).Id : null;
            var clusters = new List<Cluster>();
            await foreach (var cluster in UcsPages.ClustersAsync(client, fleetId, cancellationToken).ConfigureAwait(false))
            {
                clusters.Add(cluster);
            }

            InventoryWriter.Clusters(fleetId, clusters, connection.Json(parse), console);
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var connection = new CliConnection();
        var cluster = ClusterOption();
        var command = new Command("show", """
            Show a registered cluster (ShowCluster): name, fleet, type, phase, Kubernetes version and conditions.

            Example:
              fleetgen cluster show --cluster prod-eu
            """) { cluster };
        ConnectedAction.Set(command, connection, console, fleet: null, async (parse, client, cancellationToken) =>
        {
            var reference = await UcsReferences.ClusterAsync(client, parse.GetValue(cluster)!, cancellationToken).ConfigureAwait(false);
            InventoryWriter.Cluster(await client.Cluster.ShowClusterAsync(reference.Id, cancellationToken).ConfigureAwait(false), connection.Json(parse), console);
        });
        return command;
    }
}
