using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>A record of a paged list: its creation and update times, and the order it was made in (the tie-breaker on a frozen clock).</summary>
internal interface IFakeDated
{
    DateTimeOffset Created { get; }

    DateTimeOffset Updated { get; }

    long Sequence { get; }
}

/// <summary>
/// One page of a list the way UCS documents its paged lists: order_by create_at (default) or update_at, order desc
/// (default) or asc, <c>offset</c> records skipped, at most <c>limit</c> records (every record when it is absent or -1).
/// </summary>
internal static class FakePage
{
    /// <summary>The documented 400 UCS.00000011 for a limit below -1 or a negative offset, else null.</summary>
    public static FakeRefusal? Refusal(int? limit, int? offset) =>
        limit < -1 ? FakeRefusal.BadQuery("limit", "must be -1 (no limit) or more")
        : offset < 0 ? FakeRefusal.BadQuery("offset", "must be 0 or more")
        : null;

    public static List<T> Of<T>(IEnumerable<T> records, int? limit, int? offset, Order_by? orderBy, Order? order)
        where T : IFakeDated
    {
        Func<T, DateTimeOffset> key = orderBy == Order_by.Update_at ? r => r.Updated : r => r.Created;
        var sorted = order == Order.Asc
            ? records.OrderBy(key).ThenBy(r => r.Sequence)
            : records.OrderByDescending(key).ThenByDescending(r => r.Sequence);
        var page = sorted.Skip(offset ?? 0);
        return (limit is null or -1 ? page : page.Take(limit.Value)).ToList();
    }

    /// <summary>The page of records dated by <paramref name="times"/>, the total of all pages, or the refusal as an answer.</summary>
    public static (IReadOnlyList<T> Items, int Total, ContentResult? Refused) Of<T>(
        IEnumerable<T> items, Func<T, (DateTimeOffset Created, DateTimeOffset Updated, long Sequence)> times, int? limit, int? offset, Order_by? orderBy, Order? order)
    {
        if (Refusal(limit, offset) is { } refused)
        {
            return ([], 0, UcsErrorResponses.Result(refused.Status, refused.Code, refused.Message));
        }

        var all = items.Select(item => new Dated<T>(item, times(item))).ToList();
        return ([.. Of(all, limit, offset, orderBy, order).Select(d => d.Item)], all.Count, null);
    }

    private sealed record Dated<T>(T Item, (DateTimeOffset Created, DateTimeOffset Updated, long Sequence) Times) : IFakeDated
    {
        public DateTimeOffset Created => Times.Created;

        public DateTimeOffset Updated => Times.Updated;

        public long Sequence => Times.Sequence;
    }
}
