using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using FleetGen.Client.Validation;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Runtime;

/// <summary>
/// What the generated <c>{OperationId}PagesAsync</c> and <c>{OperationId}ItemsAsync</c> methods of a list operation
/// marked <c>x-fleetgen-paging</c> run on: they ask for page after page (<c>limit</c> = the page size, <c>offset</c> =
/// the items read so far) and stop at the answer's <c>total</c> or at an empty page. Nothing that arrives is trusted:
/// a page that repeats an earlier one, a total that is negative or smaller than the items a page holds, and a list that
/// grows by more than a page while it is read end the reading with <see cref="UcsApiException"/>, and no reading
/// asks for more than <see cref="MaxPages"/> pages. Generated code calls it; callers of a client do not.
/// </summary>
public static class FleetPaging
{
    /// <summary>The page size a paging method asks for unless told otherwise: never the unbounded page (<c>limit=-1</c>) some lists answer by default.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page size a caller may choose when the contract sets no maximum of its own: it bounds what one answer holds in memory.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The most pages one reading asks for, however large the total the service gives.</summary>
    public const int MaxPages = 10_000;

    /// <summary>Returns <paramref name="pageSize"/> when it is from 1 to <paramref name="maxPageSize"/>; throws, naming the rule, before anything is sent.</summary>
    /// <param name="pageSize">The page size the caller chose.</param>
    /// <param name="maxPageSize">The largest page size the operation accepts.</param>
    /// <exception cref="FleetValidationException"><paramref name="pageSize"/> is out of range.</exception>
    public static int CheckPageSize(int pageSize, int maxPageSize = MaxPageSize) =>
        pageSize >= 1 && pageSize <= maxPageSize
            ? pageSize
            : throw new FleetValidationException([new ContractViolation(nameof(pageSize), pageSize.ToString(CultureInfo.InvariantCulture), $"must be from 1 to {maxPageSize.ToString(CultureInfo.InvariantCulture)}")]);

    /// <summary>
    /// The pages of <paramref name="operationId"/>, read one after the other with <paramref name="fetch"/> (given the
    /// limit and the offset), until an empty page or the page that reaches the total (without a total: a page shorter
    /// than <paramref name="pageSize"/>).
    /// </summary>
    /// <typeparam name="TPage">The answer's model: one page.</typeparam>
    /// <typeparam name="TItem">The model of an item of a page.</typeparam>
    /// <param name="operationId">The operation, for messages.</param>
    /// <param name="fetch">Sends the operation for one page (limit, offset) through the engine.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="total">The total of a page: the number of items on all pages.</param>
    /// <param name="pageSize">The limit asked for, already checked (<see cref="CheckPageSize"/>).</param>
    /// <param name="cancellationToken">Stops the reading; combined with the token given to the enumerator.</param>
    /// <exception cref="UcsApiException">The service answered with an error, or with pages that cannot be read to an end.</exception>
    public static IAsyncEnumerable<TPage> PagesAsync<TPage, TItem>(
        string operationId,
        Func<int, int, CancellationToken, Task<FleetAnswer<TPage>>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        int pageSize,
        CancellationToken cancellationToken = default)
        where TItem : IParsable
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(total);
        CheckPageSize(pageSize, int.MaxValue);
        return ReadPagesAsync(operationId, fetch, items, total, pageSize, cancellationToken);
    }

    /// <summary>The items of <paramref name="pages"/>, page by page.</summary>
    /// <typeparam name="TPage">The answer's model: one page.</typeparam>
    /// <typeparam name="TItem">The model of an item of a page.</typeparam>
    /// <param name="pages">The pages, as <see cref="PagesAsync"/> reads them.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="cancellationToken">Stops the reading; combined with the token given to the enumerator.</param>
    public static IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(IAsyncEnumerable<TPage> pages, Func<TPage, IReadOnlyList<TItem>?> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(items);
        return ReadItemsAsync(pages, items, cancellationToken);
    }

    private static async IAsyncEnumerable<TPage> ReadPagesAsync<TPage, TItem>(
        string operationId,
        Func<int, int, CancellationToken, Task<FleetAnswer<TPage>>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TItem : IParsable
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        long offset = 0;
        long? firstTotal = null;
        for (var pages = 1; ; pages++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = await fetch(pageSize, (int)offset, cancellationToken).ConfigureAwait(false);
            var page = answer.Value ?? throw answer.Unusable($"the page of {operationId} at offset {offset} has no body");
            var read = items(page) ?? [];
            var count = total(page);
            firstTotal ??= count;
            Check(answer, operationId, offset, read, count, seen);
            if (count > firstTotal + pageSize)
            {
                throw answer.Unusable($"the list of {operationId} grew from {firstTotal} to {count} items while it was read, by more than a page ({pageSize}): read it again");
            }

            yield return page;
            offset += read.Count;
            if (read.Count == 0 || (count is { } end ? offset >= end : read.Count < pageSize))
            {
                yield break;
            }

            if (pages >= MaxPages || offset > int.MaxValue)
            {
                throw answer.Unusable($"{operationId} still had items after {pages} pages (offset {offset}); a reading stops at {MaxPages} pages");
            }
        }
    }

    private static async IAsyncEnumerable<TItem> ReadItemsAsync<TPage, TItem>(IAsyncEnumerable<TPage> pages, Func<TPage, IReadOnlyList<TItem>?> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Refuses a page that contradicts itself (a negative total, items beyond the total) or repeats an earlier page.</summary>
    private static void Check<TPage, TItem>(FleetAnswer<TPage> answer, string operationId, long offset, IReadOnlyList<TItem> read, long? count, Dictionary<string, long> seen)
        where TItem : IParsable
    {
        if (count < 0)
        {
            throw answer.Unusable($"the page of {operationId} at offset {offset} gives a negative total ({count})");
        }

        if (count is { } end && offset + read.Count > end)
        {
            throw answer.Unusable($"the page of {operationId} at offset {offset} holds {read.Count} items, beyond the total it gives ({end})");
        }

        if (read.Count > 0 && !seen.TryAdd(Fingerprint(read), offset))
        {
            throw answer.Unusable($"the page of {operationId} at offset {offset} repeats the page at offset {seen[Fingerprint(read)]}: the service ignores the offset, or the list changed while it was read");
        }
    }

    /// <summary>The items as Kiota serializes them, hashed: two pages with the same items have the same fingerprint.</summary>
    private static string Fingerprint<TItem>(IReadOnlyList<TItem> items)
        where TItem : IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, items);
        using var content = writer.GetSerializedContent();
        return Convert.ToHexString(SHA256.HashData(content));
    }
}
