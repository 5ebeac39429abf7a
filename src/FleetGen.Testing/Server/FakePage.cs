using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>A record of a paged list: its creation and update times, and the order it was made in (the tie-breaker on a frozen clock).</summary>
internal interface IFakeDated
{
    DateTimeOffset Created { get; }

    DateTimeOffset Updated { get; }

    long Sequence { get; }
}

/// <summary>One page of a list the way UCS documents its paged lists: order_by create_at (default) or update_at, order desc (default) or asc, limit -1 for every record.</summary>
internal static class FakePage
{
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
}
