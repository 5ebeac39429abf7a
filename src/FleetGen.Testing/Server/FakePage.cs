using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// One page of a list operation, as UCS documents its paging parameters: sorted by creation (or update) time, newest
/// first unless <c>order=asc</c>; <c>offset</c> records skipped; at most <c>limit</c> records, every record when
/// <c>limit</c> is absent or -1; <c>total</c> counts the records of all pages.
/// </summary>
internal static class FakePage
{
    /// <summary>The page, or the documented 400 UCS.00000011 for a limit below -1 or a negative offset.</summary>
    public static (IReadOnlyList<T> Items, int Total, ContentResult? Refused) Of<T>(
        IEnumerable<T> items, Func<T, (DateTimeOffset Created, DateTimeOffset Updated, long Sequence)> times, int? limit, int? offset, Order_by? orderBy, Order? order)
    {
        if (limit < -1 || offset < 0)
        {
            var problem = limit < -1 ? $"limit {limit}: at least -1 (no limit)" : $"offset {offset}: at least 0";
            return ([], 0, UcsErrorResponses.Result(400, UcsErrorCodes.BadQueryParameter, $"Bad query parameter value. {problem}."));
        }

        var sorted = orderBy == Order_by.Update_at
            ? items.OrderBy(i => times(i).Updated).ThenBy(i => times(i).Sequence)
            : items.OrderBy(i => times(i).Created).ThenBy(i => times(i).Sequence);
        var all = (order == Order.Asc ? sorted : sorted.Reverse()).ToList();
        IEnumerable<T> page = all.Skip(offset ?? 0);
        if (limit is { } size and not -1)
        {
            page = page.Take(size);
        }

        return ([.. page], all.Count, null);
    }
}
