using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// An operation's <c>x-fleetgen-paging</c>: the query parameters that take the page size and the offset, and the
/// properties of the answer that hold a page's items and the total over all pages, each by its name in the contract.
/// </summary>
internal sealed record PagingMark(Parameter Limit, Parameter Offset, string Items, string Total);

/// <summary>
/// The paging methods of a list operation marked <c>x-fleetgen-paging</c>: <c>{OperationId}PagesAsync</c> (each
/// answer, as Azure's <c>AsPages</c> gives them) and <c>{OperationId}ItemsAsync</c> (the items of every page, as
/// Kiota's page iterator walks them), both <c>IAsyncEnumerable</c> on the operation's group. They take the operation's
/// other parameters and a page size, and run on <c>FleetPaging</c> with the operation's own request, engine and hook.
/// A mark whose names the operation does not have is a problem naming its place.
/// </summary>
internal static class Paging
{
    public const string Extension = "x-fleetgen-paging";

    private static readonly string[] Keys = ["limit", "offset", "items", "total"];

    /// <summary>The operation's mark, checked against its parameters and answer; <c>null</c> without one or with a problem.</summary>
    public static PagingMark? Read(Contract contract, Operation operation, List<string> problems)
    {
        var found = contract.Document.Paths.TryGetValue(operation.Path, out var path)
            ? path.Operations?.FirstOrDefault(o => o.Key.Method.Equals(operation.Method, StringComparison.OrdinalIgnoreCase)).Value
            : null;
        if (found?.Extensions?.TryGetValue(Extension, out var extension) != true)
        {
            return null;
        }

        var location = $"{operation.Location}.{Extension}";
        if (extension is not JsonNodeExtension { Node: JsonObject mark }
            || Keys.Any(k => mark[k] is not JsonValue value || !value.TryGetValue<string>(out _))
            || mark.Any(p => !Keys.Contains(p.Key)))
        {
            problems.Add($"{location}: must map limit, offset, items and total (and nothing else) to names");
            return null;
        }

        var names = Keys.ToDictionary(k => k, k => mark[k]!.GetValue<string>());
        var before = problems.Count;
        var limit = QueryParameter(operation, names["limit"], $"{location}.limit", problems);
        var offset = QueryParameter(operation, names["offset"], $"{location}.offset", problems);
        var answer = RequestBodies.Successes(found!.Responses).Select(r => r.Value.Content is { } content && content.TryGetValue("application/json", out var json) ? json.Schema : null).FirstOrDefault(s => s is not null);
        if (answer is null)
        {
            problems.Add($"{location}: the operation answers no JSON object to read items and total from");
            return null;
        }

        var items = Property(answer, names["items"]);
        if (items is null || items.Type?.HasFlag(JsonSchemaType.Array) != true)
        {
            problems.Add($"{location}.items: the answer has no array property \"{names["items"]}\"");
        }
        else if (items.Items?.Type is { } itemType && !itemType.HasFlag(JsonSchemaType.Object))
        {
            problems.Add($"{location}.items: the items of \"{names["items"]}\" must be objects");
        }

        if (Property(answer, names["total"]) is not { } total || total.Type?.HasFlag(JsonSchemaType.Integer) != true)
        {
            problems.Add($"{location}.total: the answer has no integer property \"{names["total"]}\"");
        }

        var name = Names.Method(operation.OperationId);
        if (contract.Operations.FirstOrDefault(o => Names.Method(o.OperationId) is var other && (other == name + "Pages" || other == name + "Items")) is { } taken)
        {
            problems.Add($"{location}: the paging methods {name}PagesAsync and {name}ItemsAsync would clash with the methods of {taken.OperationId} ({taken.Location})");
        }

        if (operation.Parameters.FirstOrDefault(p => p.ClrName == "pageSize") is { } clash)
        {
            problems.Add($"{clash.Location}: the parameter's C# name pageSize is the paging methods' own; give it another with {Contract.NameExtension}");
        }

        return problems.Count == before ? new PagingMark(limit!, offset!, names["items"], names["total"]) : null;
    }

    /// <summary>Writes the paging methods; <paramref name="arguments"/> are the operation's parameters with their C# types, in the order of its request method.</summary>
    public static void Emit(StringBuilder code, Operation operation, PagingMark mark, KiotaMethod method, IReadOnlyList<(Parameter Parameter, string Type)> arguments, string rootNamespace, List<string> problems)
    {
        var location = $"{operation.Location}.{Extension}";
        var items = method.ResultProperties.FirstOrDefault(p => p.JsonName == mark.Items);
        var total = method.ResultProperties.FirstOrDefault(p => p.JsonName == mark.Total);
        var itemType = items is null ? null : ListItemType(items.Type);
        if (method is not { SendMethod: "SendAsync", ResultType: { } pageType, Factory: { } factory } || items is null || total is null || itemType is null)
        {
            problems.Add($"{location}: Kiota's model of the answer has no list property for \"{mark.Items}\" and no property for \"{mark.Total}\" to page with");
            return;
        }

        var name = Names.Method(operation.OperationId);
        var rest = arguments.Where(a => a.Parameter != mark.Limit && a.Parameter != mark.Offset).ToList();
        var signature = FacadeEmitter.Signature(rest, method.BodyType);
        var maximum = MaxPageSize(mark.Limit.Schema);
        var pageSizeDefault = maximum < 100 ? maximum.ToString(CultureInfo.InvariantCulture) : "FleetPaging.DefaultPageSize";
        var pageSizeMaximum = maximum < 1000 ? maximum.ToString(CultureInfo.InvariantCulture) : "FleetPaging.MaxPageSize";
        signature.Add($"int pageSize = {pageSizeDefault}");
        signature.Add("CancellationToken cancellationToken = default");
        var parameters = string.Join(", ", signature);

        // The request's arguments in the operation's order, the limit and the offset given by the reading.
        string Arguments(string limit, string offset) => string.Join(", ", arguments.Select(a => a.Parameter == mark.Limit ? limit : a.Parameter == mark.Offset ? offset : a.Parameter.ClrName)
            .Concat(method.BodyType is null ? [] : ["body"]));
        var restArguments = string.Join(", ", rest.Select(a => a.Parameter.ClrName).Concat(method.BodyType is null ? [] : ["body"]).Append("pageSize").Append("cancellationToken"));
        var limitName = mark.Limit.ClrName;
        var offsetName = mark.Offset.ClrName;
        var generic = $"<{pageType}, {itemType}>";

        code.AppendLine()
            .AppendLine($"        /// <summary>Every page of {ContractEmitter.Xml(operation.OperationId)} (<c>{operation.Method} {ContractEmitter.Xml(operation.Path)}</c>), asked for one after the other.</summary>")
            .AppendLine($"        /// <remarks>Asks for pages of <paramref name=\"pageSize\"/> items (<c>{ContractEmitter.Xml(mark.Limit.Name)}</c>) from offset 0 (<c>{ContractEmitter.Xml(mark.Offset.Name)}</c>), each after the one before, and stops at the answer's <c>{ContractEmitter.Xml(mark.Total)}</c> or at an empty page. Each page is validated, retried and checked as <see cref=\"{name}Async\"/> does it; the arguments are checked here, before anything is sent.</remarks>");
        foreach (var (parameter, _) in rest)
        {
            code.AppendLine(FacadeEmitter.ParameterDoc(parameter));
        }

        if (method.BodyType is not null)
        {
            code.AppendLine($"        /// <param name=\"body\">{ContractEmitter.Xml((operation.BodyDescription ?? "The request body.").Trim())}</param>");
        }

        code.AppendLine($"        /// <param name=\"pageSize\">The items per page: from 1 to {maximum.ToString(CultureInfo.InvariantCulture)}; never the unbounded page.</param>")
            .AppendLine("        /// <param name=\"cancellationToken\">Stops the reading, retry waits included; so does the token given to the enumerator.</param>")
            .AppendLine("        /// <exception cref=\"global::FleetGen.Client.Validation.FleetValidationException\">An argument breaks the contract, or the page size is out of range; nothing was sent.</exception>")
            .AppendLine("        /// <exception cref=\"global::FleetGen.Client.UcsApiException\">While reading: the service answered with an error, or with pages that cannot be read to an end (a page that repeats an earlier one, a total that contradicts the pages, more than <see cref=\"FleetPaging.MaxPages\"/> pages).</exception>");
        FacadeKinds.AppendAttributes(code, operation);
        code.AppendLine($"        public virtual global::System.Collections.Generic.IAsyncEnumerable<{pageType}> {name}PagesAsync({parameters})")
            .AppendLine("        {")
            .AppendLine($"            {name}Request({Arguments($"FleetPaging.CheckPageSize(pageSize, {pageSizeMaximum})", "0")});")
            .AppendLine($"            return FleetPaging.PagesAsync{generic}({SchemaCode.Literal(operation.OperationId)}, async ({limitName}, {offsetName}, cancellation) =>")
            .AppendLine("            {")
            .AppendLine($"                var answer = await Engine.SendAsync(global::{rootNamespace}.ContractOperations.{name}, {name}Request({Arguments(limitName, offsetName)}), {factory}, cancellation).ConfigureAwait(false);")
            .AppendLine($"                On{name}Answer(answer, {Arguments(limitName, offsetName)});")
            .AppendLine("                return answer;")
            .AppendLine($"            }}, page => page.{items.Property}, page => page.{total.Property}, pageSize, cancellationToken);")
            .AppendLine("        }")
            .AppendLine()
            .AppendLine($"        /// <summary>Every item of every page of {ContractEmitter.Xml(operation.OperationId)} (<c>{operation.Method} {ContractEmitter.Xml(operation.Path)}</c>): the <c>{ContractEmitter.Xml(mark.Items)}</c> of the pages <see cref=\"{name}PagesAsync\"/> reads.</summary>")
            .AppendLine($"        /// <inheritdoc cref=\"{name}PagesAsync\"/>");
        FacadeKinds.AppendAttributes(code, operation);
        code.AppendLine($"        public virtual global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {name}ItemsAsync({parameters}) =>")
            .AppendLine($"            FleetPaging.ItemsAsync{generic}({name}PagesAsync({restArguments}), page => page.{items.Property}, cancellationToken);");
    }

    /// <summary>The largest page size: the contract's maximum of the limit, if it has one below FleetPaging.MaxPageSize.</summary>
    private static int MaxPageSize(IOpenApiSchema limit) =>
        decimal.TryParse(limit.Maximum, NumberStyles.Number, CultureInfo.InvariantCulture, out var maximum) && maximum >= 1 && maximum < 1000 ? (int)maximum : 1000;

    private static Parameter? QueryParameter(Operation operation, string name, string location, List<string> problems)
    {
        var parameter = operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == name);
        if (parameter is null)
        {
            problems.Add($"{location}: the operation has no query parameter \"{name}\"");
        }
        else if (parameter.Schema.Type?.HasFlag(JsonSchemaType.Integer) != true)
        {
            problems.Add($"{location}: the query parameter \"{name}\" must be an integer");
        }

        return parameter;
    }

    /// <summary>A property of the answer's schema, also through <c>allOf</c>.</summary>
    private static IOpenApiSchema? Property(IOpenApiSchema schema, string name) =>
        (schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null) ?? schema.AllOf?.Select(s => Property(s, name)).FirstOrDefault(p => p is not null);

    /// <summary>The item type of a Kiota list property (<c>List&lt;T&gt;?</c>).</summary>
    private static string? ListItemType(string type)
    {
        const string list = "List<";
        var trimmed = type.TrimEnd('?');
        return trimmed.StartsWith(list, StringComparison.Ordinal) && trimmed.EndsWith('>') ? trimmed[list.Length..^1] : null;
    }
}
