using System.Text;
using System.Text.RegularExpressions;

namespace FleetGen.ContractRules;

/// <summary>
/// Writes, for each operation, the HTTP request its generated Kiota request builder makes (method, path with each
/// parameter as one encoded segment, Accept, JSON body), built without Kiota's request adapter.
/// </summary>
internal static partial class RequestsEmitter
{
    public static string Emit(Contract contract, string rootNamespace, string specName)
    {
        var code = GeneratedFile.Start(specName, "System.Net.Http");
        code.AppendLine($"namespace {rootNamespace}.Http")
            .AppendLine("{")
            .AppendLine("    /// <summary>The request of each operation in the contract, as its generated request builder makes it.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractRules\", \"1.0.0\")]")
            .AppendLine("    internal static partial class ContractRequests")
            .AppendLine("    {");
        foreach (var operation in contract.Operations)
        {
            var parameters = operation.PathParameters.Select(p => $"string {RulesEmitter.Identifier(p.JsonName)}");
            var body = operation.Body is { } b ? $"global::{rootNamespace}.Models.{b.SchemaName} body" : null;
            var signature = string.Join(", ", new[] { "string baseUrl" }.Concat(parameters).Append(body).OfType<string>());
            var accept = string.Join(", ", operation.ResponseMediaTypes);
            code.AppendLine($"        /// <summary>{operation.OperationId}: <c>{operation.Method} {operation.Path}</c>.</summary>")
                .AppendLine($"        public static HttpRequestMessage {operation.OperationId}({signature}) =>")
                .AppendLine($"            ContractRequest.Create(HttpMethod.Parse(\"{operation.Method}\"), {Uri(operation.Path)}, \"{accept}\", {(body is null ? "null" : "\"application/json\", body")});");
        }

        code.AppendLine("    }")
            .AppendLine("}");
        return code.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The request URI as a concatenation: the base URL, the literal parts of the path and each parameter as a segment.</summary>
    private static string Uri(string path)
    {
        var parts = new List<string> { "baseUrl" };
        var at = 0;
        foreach (Match parameter in PathParameter().Matches(path))
        {
            if (parameter.Index > at)
            {
                parts.Add(Literal(path[at..parameter.Index]));
            }

            parts.Add($"ContractRequest.PathSegment({RulesEmitter.Identifier(parameter.Groups[1].Value)})");
            at = parameter.Index + parameter.Length;
        }

        if (at < path.Length)
        {
            parts.Add(Literal(path[at..]));
        }

        return $"string.Concat({string.Join(", ", parts)})";
    }

    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("{([^}]+)}")]
    private static partial Regex PathParameter();
}
