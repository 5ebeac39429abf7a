using System.CommandLine;
using FleetGen.Client.Models;

namespace FleetGen.Cli.Commands;

/// <summary><c>fleetgen fleet ...</c>: list, show, create and delete fleets, and add clusters to or remove them from one.</summary>
internal static class FleetCommand
{
    public static Command Create(CliConsole console) => new("fleet", "Fleets (cluster groups): list, show, create, delete, add and remove clusters.")
    {
        List(console),
        Show(console),
        CreateFleet(console),
        Delete(console),
        AddCluster(console),
        RemoveCluster(console),
    };

    private static Command List(CliConsole console)
    {
        var connection = new CliConnection();
        var command = new Command("list", $"""
            List your fleets: name, id, federation status and version, description (ListClusterGroup, read {UcsPages.PageSize} at a time).

            Examples:
              fleetgen fleet list
              fleetgen fleet list --output json
            """);
        ConnectedAction.Set(command, connection, console, fleet: null, async (parse, client, cancellationToken) =>
        {
            var fleets = new List<ClusterGroup>();
            await foreach (var fleet in UcsPages.FleetsAsync(client, cancellationToken).ConfigureAwait(false))
            {
                fleets.Add(fleet);
            }

            InventoryWriter.Fleets(fleets, connection.Json(parse), console);
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption();
        var command = new Command("show", """
            Show a fleet: its name, description, federation condition (Creating, Available, Connected, ...), version,
            expiry, the VPC endpoints of its federation connection and its clusters.

            Examples:
              fleetgen fleet show --fleet 4f1c...
              fleetgen fleet show --fleet prod --output json
            """) { fleet };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            var fleetId = (await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false)).Id;
            FederationWriter.Fleet(fleetId, await client.Fleet.ShowClusterGroupAsync(fleetId, cancellationToken).ConfigureAwait(false), connection.Json(parse), console);
        });
        return command;
    }

    private static Command CreateFleet(CliConsole console)
    {
        var connection = new CliConnection();
        var name = new Option<string>("--name") { Description = "The new fleet's name.", Required = true };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl)))
            {
                result.AddError("--name: must not be blank or hold a control character.");
            }
        });
        var description = new Option<string>("--description") { Description = "A description of the fleet." };
        var clusters = ClusterCommand.ClustersOption("Clusters to put in the new fleet (repeat the flag): ids or names.");
        var command = new Command("create", """
            Create a fleet (RegisterClusterGroup), optionally with clusters, and print its id.

            Examples:
              fleetgen fleet create --name prod --description "production fleet"
              fleetgen fleet create --name prod --cluster prod-eu --cluster prod-us --output json
            """) { name, description, clusters };
        ConnectedAction.Set(command, connection, console, fleet: null, async (parse, client, cancellationToken) =>
        {
            var members = await UcsReferences.ClustersAsync(client, parse.GetValue(clusters) ?? [], withinFleet: null, cancellationToken).ConfigureAwait(false);
            var created = await client.Fleet.RegisterClusterGroupAsync(
                new RegisterClusterGroupRequestBody
                {
                    Metadata = new RegisterClusterGroupObjectMeta { Name = parse.GetValue(name) },
                    Spec = members.Count == 0 && parse.GetValue(description) is null ? null : new RegisterClusterGroupSpec
                    {
                        ClusterIds = members.Count == 0 ? null : members.Select(m => m.Id).ToList(),
                        Description = parse.GetValue(description),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            InventoryWriter.FleetCreated(created.Uid, parse.GetValue(name)!, members, connection.Json(parse), console);
        });
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption();
        var consent = new Consent(console, "fleet delete", "deletes the fleet");
        var command = new Command("delete", """
            Delete a fleet (DeleteClusterGroup). UCS deletes only an empty fleet: remove its clusters first. Asks for
            confirmation on a terminal; without a terminal, --yes is required and nothing is sent without it.

            Example:
              fleetgen fleet delete --fleet prod --yes
            """) { fleet, consent.Yes };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            var reference = await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false);
            await consent.AskAsync(parse, $"Delete fleet {reference}?").ConfigureAwait(false);
            await client.Fleet.DeleteClusterGroupAsync(reference.Id, cancellationToken).ConfigureAwait(false);
            InventoryWriter.FleetDeleted(reference, connection.Json(parse), console);
        }, consent.CheckCanAsk);
        return command;
    }

    private static Command AddCluster(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption();
        var clusters = ClusterCommand.ClustersOption("The clusters to add (repeat the flag): ids or names.", required: true);
        var command = new Command("add-cluster", """
            Add clusters to a fleet (UpdateClusterGroupAssociatedClusters). Clusters already in it stay.

            Example:
              fleetgen fleet add-cluster --fleet prod --cluster prod-eu --cluster 6b7f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b
            """) { fleet, clusters };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            var reference = await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false);
            var members = await UcsReferences.ClustersAsync(client, parse.GetValue(clusters)!, withinFleet: null, cancellationToken).ConfigureAwait(false);
            await client.Fleet.UpdateClusterGroupAssociatedClustersAsync(reference.Id, new UpdateClusterGroupAssociatedClustersRequestBody { ClusterIds = members.Select(m => m.Id).ToList() }, cancellationToken).ConfigureAwait(false);
            InventoryWriter.FleetClusters(reference, "added", members, connection.Json(parse), console);
        });
        return command;
    }

    private static Command RemoveCluster(CliConsole console)
    {
        var connection = new CliConnection();
        var fleet = FederationCommand.FleetOption();
        var clusters = ClusterCommand.ClustersOption("The clusters to remove (repeat the flag): ids or names of clusters in the fleet.", required: true);
        var consent = new Consent(console, "fleet remove-cluster", "takes the clusters out of the fleet (and out of its federation)");
        var command = new Command("remove-cluster", """
            Remove clusters from a fleet (LeaveGroup for each). Each must be one of the fleet's clusters, checked before
            any is removed. Asks for confirmation on a terminal; without a terminal, --yes is required and nothing is
            sent without it.

            Example:
              fleetgen fleet remove-cluster --fleet prod --cluster prod-eu --yes
            """) { fleet, clusters, consent.Yes };
        ConnectedAction.Set(command, connection, console, fleet, async (parse, client, cancellationToken) =>
        {
            var reference = await UcsReferences.FleetAsync(client, parse.GetValue(fleet)!, cancellationToken).ConfigureAwait(false);
            var members = await UcsReferences.ClustersAsync(client, parse.GetValue(clusters)!, withinFleet: reference, cancellationToken).ConfigureAwait(false);
            await consent.AskAsync(parse, $"Remove {string.Join(", ", members)} from fleet {reference}?").ConfigureAwait(false);
            foreach (var member in members)
            {
                await client.Cluster.LeaveGroupAsync(member.Id, cancellationToken).ConfigureAwait(false);
            }

            InventoryWriter.FleetClusters(reference, "removed", members, connection.Json(parse), console);
        }, consent.CheckCanAsk);
        return command;
    }
}
