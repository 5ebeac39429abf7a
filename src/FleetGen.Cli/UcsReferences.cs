using System.CommandLine;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>A fleet or cluster as the command line names it, resolved to its id.</summary>
/// <param name="Given">What the user gave (an id or a name).</param>
/// <param name="Name">The name, when the lookup found it; <c>null</c> when an id was given and nothing was read.</param>
internal sealed record UcsReference(string Id, string Given, string? Name)
{
    /// <summary>For messages: <c>prod (4f1c...)</c> when a name was given, else the id.</summary>
    public override string ToString() => Given == Id ? Id : $"{Given} ({Id})";
}

/// <summary>
/// <c>--fleet</c> and <c>--cluster</c> take an id or a name. A value in the form of a UCS id (a UUID, 8-4-4-4-12 hex
/// digits) is the id and sends nothing; any other value is looked up in the fleet or cluster list, where the item whose
/// id it is wins, else the items of that name: one is the answer, none is an error, several exit 2 naming their ids.
/// Nothing else is sent before the value is resolved.
/// </summary>
internal static class UcsReferences
{
    /// <summary>An option that takes an id or a name; a blank value fails before anything is sent.</summary>
    public static Option<string> Option(string name, string description, bool required)
    {
        var option = new Option<string>(name) { Description = description, Required = required };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && string.IsNullOrWhiteSpace(value))
            {
                result.AddError($"{name}: must not be blank.");
            }
        });
        return option;
    }

    public static bool IsIdShaped(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

    public static async Task<UcsReference> FleetAsync(FleetClient client, string given, CancellationToken cancellationToken, string flag = "--fleet")
    {
        if (IsIdShaped(given))
        {
            return new UcsReference(given, given, null);
        }

        var fleets = new List<ClusterGroup>();
        await foreach (var fleet in UcsPages.FleetsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            fleets.Add(fleet);
        }

        return Pick(flag, "fleet", "fleets", "fleetgen fleet list", given, fleets.Select(f => (f.Metadata?.Uid, f.Metadata?.Name)));
    }

    /// <summary>
    /// The fleet, looked up within <paramref name="within"/> (a wait's --timeout, which bounds the whole command):
    /// a lookup that outlives it exits 8 as the wait would, and nothing is started.
    /// </summary>
    public static async Task<UcsReference> FleetAsync(FleetClient client, string given, TimeSpan? within, CancellationToken cancellationToken)
    {
        if (within is not { } timeout || IsIdShaped(given))
        {
            return await FleetAsync(client, given, cancellationToken).ConfigureAwait(false);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return await FleetAsync(client, given, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.WaitTimedOut, SafeText.OneLine(FormattableString.Invariant(
                $"--timeout: the lookup of the fleet named \"{given}\" did not end within {timeout.TotalSeconds:0.###} s; nothing was started.")));
        }
    }

    public static async Task<UcsReference> ClusterAsync(FleetClient client, string given, CancellationToken cancellationToken) =>
        (await ClustersAsync(client, [given], null, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Every value of a repeated <paramref name="flag"/>, with one listing at most. With <paramref name="withinFleet"/>
    /// the fleet's clusters are always listed and each value, id or name, must be one of them.
    /// </summary>
    public static async Task<IReadOnlyList<UcsReference>> ClustersAsync(FleetClient client, IReadOnlyList<string> given, UcsReference? withinFleet, CancellationToken cancellationToken, string flag = "--cluster")
    {
        List<(string? Id, string? Name)>? listed = null;
        var resolved = new List<UcsReference>();
        foreach (var value in given)
        {
            if (withinFleet is null && IsIdShaped(value))
            {
                resolved.Add(new UcsReference(value, value, null));
                continue;
            }

            if (listed is null)
            {
                listed = [];
                await foreach (var cluster in UcsPages.ClustersAsync(client, withinFleet?.Id, cancellationToken).ConfigureAwait(false))
                {
                    listed.Add((cluster.Metadata?.Uid, cluster.Metadata?.Name));
                }
            }

            resolved.Add(withinFleet is null
                ? Pick(flag, "cluster", "clusters", "fleetgen cluster list", value, listed)
                : Pick(flag, $"cluster of fleet {withinFleet}", $"clusters of fleet {withinFleet}", $"fleetgen cluster list --fleet {CliHints.Quote(withinFleet.Id)}", value, listed));
        }

        return resolved;
    }

    private static UcsReference Pick(string flag, string kind, string kinds, string listCommand, string given, IEnumerable<(string? Id, string? Name)> items)
    {
        var all = items.Where(i => !string.IsNullOrEmpty(i.Id)).ToList();
        if (all.FirstOrDefault(i => i.Id == given) is { Id: { } id } byId)
        {
            return new UcsReference(id, given, byId.Name);
        }

        var named = all.Where(i => i.Name == given).ToList();
        return named.Count switch
        {
            1 => new UcsReference(named[0].Id!, given, given),
            0 => throw new CliException(ExitCodes.Api, SafeText.OneLine($"{flag}: no {kind} has the id or name \"{given}\" ({listCommand} shows them). Nothing else was sent.")),
            _ => throw new CliException(ExitCodes.Usage, SafeText.OneLine($"{flag}: \"{given}\" is ambiguous: {named.Count} {kinds} have that name: {string.Join(", ", named.Select(n => n.Id))}; pass one of these ids. Nothing else was sent.")),
        };
    }
}
