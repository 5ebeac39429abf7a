using System.Text;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes <c>ContractOperations.g.cs</c>: the table of operations (parameters, body schema, retry policy) that the
/// façade validates and sends with, the documented error codes and the documented hosts.
/// </summary>
internal static class ContractEmitter
{
    public static string Emit(Contract contract, string rootNamespace, string specName, string prefix, List<string> problems, List<string>? warnings = null)
    {
        var schemas = new SchemaCode(problems, contract.Document);
        var operations = new StringBuilder();
        foreach (var operation in contract.Operations)
        {
            try
            {
                EmitOperation(operations, operation, schemas);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"{operation.Location}: the emitter cannot write this operation ({e.GetType().Name}: {e.Message})");
            }
        }

        warnings?.AddRange(schemas.FormatWarnings);
        var code = GeneratedFile.Start(specName, "FleetGen.Client.Runtime", "FleetGen.Client.Validation");
        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine("    /// <summary>The operations of the contract, as the façade validates and sends them.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractEmitter\", \"1.0.0\")]")
            .AppendLine("    internal static partial class ContractOperations")
            .AppendLine("    {");
        foreach (var (field, expression) in schemas.NamedSchemas)
        {
            code.AppendLine($"        private static readonly ContractSchema {field} = {expression};");
        }

        code.AppendLine()
            .Append(operations)
            .AppendLine("        /// <summary>Every operation, in the order of the contract.</summary>")
            .AppendLine($"        public static global::System.Collections.Generic.IReadOnlyList<FleetOperation> All {{ get; }} = [{string.Join(", ", contract.Operations.Select(o => Names.Method(o.OperationId)))}];")
            .AppendLine("    }")
            .AppendLine("}")
            .AppendLine();
        EmitErrorCodes(code, rootNamespace, prefix, contract.ErrorCodes);
        EmitKnownValues(code, rootNamespace, contract.KnownValues);
        EmitEndpoints(code, rootNamespace, prefix, contract.Endpoints);
        return code.ToString().ReplaceLineEndings("\n");
    }

    private static void EmitOperation(StringBuilder operations, Operation operation, SchemaCode schemas)
    {
        var parameters = operation.Parameters.Select(p =>
            $"new ContractParameter({SchemaCode.Literal(p.Name)}, ParameterLocation.{char.ToUpperInvariant(p.In[0])}{p.In[1..]}, {Bool(p.Required)}, {schemas.Expression(p.Schema, p.Location)}, {SchemaCode.Literal(p.ClrName.TrimStart('@'))})").ToList();
        var body = operation.Body is null ? "null" : schemas.Expression(operation.Body, operation.Location + ".requestBody");
        operations.AppendLine($"        /// <summary>{Xml(operation.OperationId)}: {operation.Method} {Xml(operation.Path)}</summary>")
            .AppendLine($"        public static FleetOperation {Names.Method(operation.OperationId)} {{ get; }} = new(")
            .AppendLine($"            {SchemaCode.Literal(operation.OperationId)},")
            .AppendLine($"            {SchemaCode.Literal(operation.Method)},")
            .AppendLine($"            {SchemaCode.Literal(operation.Path)},")
            .AppendLine($"            FleetRetryPolicy.{(operation.Idempotent ? "Idempotent" : "NotIdempotent")},")
            .AppendLine($"            [{string.Join(", ", parameters)}],")
            .AppendLine($"            {body},")
            .AppendLine($"            {Bool(operation.AnswerRequired)});")
            .AppendLine();
    }

    private static void EmitEndpoints(StringBuilder code, string rootNamespace, string prefix, IReadOnlyList<Endpoint> endpoints)
    {
        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine("    /// <summary>The hosts documented in the contract.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractEmitter\", \"1.0.0\")]")
            .AppendLine($"    public static partial class {prefix}Endpoints")
            .AppendLine("    {");
        foreach (var endpoint in endpoints)
        {
            code.AppendLine($"        /// <summary>{Xml(endpoint.Description)} <c>{Xml(endpoint.Url)}</c></summary>")
                .AppendLine($"        public static global::System.Uri {endpoint.Name} {{ get; }} = new({SchemaCode.Literal(endpoint.Url)});");
        }

        code.AppendLine("    }")
            .AppendLine("}");
    }

    private static void EmitErrorCodes(StringBuilder code, string rootNamespace, string prefix, IReadOnlyList<ErrorCode> errorCodes)
    {
        if (errorCodes.Count == 0)
        {
            return;
        }

        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine($"    /// <summary>The error codes documented in the contract, for <c>catch (UcsApiException e) when (e.ErrorCode == {prefix}ErrorCodes.X)</c>.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractEmitter\", \"1.0.0\")]")
            .AppendLine($"    public static partial class {prefix}ErrorCodes")
            .AppendLine("    {");
        foreach (var error in errorCodes)
        {
            code.AppendLine($"        /// <summary>HTTP {error.Status}: {Xml(error.Message)}</summary>")
                .AppendLine($"        public const string {error.Name} = {SchemaCode.Literal(error.Code)};");
        }

        code.AppendLine("    }")
            .AppendLine("}")
            .AppendLine();
    }

    private static void EmitKnownValues(StringBuilder code, string rootNamespace, IReadOnlyList<KnownValues> knownValues)
    {
        foreach (var known in knownValues)
        {
            code.AppendLine($"namespace {rootNamespace}")
                .AppendLine("{")
                .AppendLine($"    /// <summary>The documented values of <c>{Xml(known.Property)}</c>, an open string: other values can arrive and are kept as sent.</summary>")
                .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractEmitter\", \"1.0.0\")]")
                .AppendLine($"    public static partial class {known.ClassName}")
                .AppendLine("    {");
            foreach (var value in known.Values)
            {
                code.AppendLine($"        /// <summary><c>{Xml(value)}</c></summary>")
                    .AppendLine($"        public const string {Names.Method(value)} = {SchemaCode.Literal(value)};");
            }

            code.AppendLine()
                .AppendLine("        /// <summary>Every documented value, in the contract's order.</summary>")
                .AppendLine($"        public static global::System.Collections.Generic.IReadOnlyList<string> All {{ get; }} = [{string.Join(", ", known.Values.Select(Names.Method))}];")
                .AppendLine("    }")
                .AppendLine("}")
                .AppendLine();
        }
    }

    /// <summary>Text for a documentation comment of a member (indented 8): XML-escaped, each further line opened with <c>///</c>.</summary>
    public static string Xml(string? text) =>
        (System.Security.SecurityElement.Escape(text ?? string.Empty) ?? string.Empty).ReplaceLineEndings("\n").Replace("\n", "\n        /// ", StringComparison.Ordinal);

    private static string Bool(bool value) => value ? "true" : "false";
}
