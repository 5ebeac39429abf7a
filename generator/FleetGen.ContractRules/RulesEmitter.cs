using System.Globalization;
using System.Text;
using Microsoft.OpenApi;

namespace FleetGen.ContractRules;

/// <summary>Writes the contract's constraints as C#: partial model classes with their rules, and path parameter rules per operation.</summary>
internal static class RulesEmitter
{
    public static string Emit(Contract contract, string rootNamespace, string specName)
    {
        var code = GeneratedFile.Start(specName, "System.Collections.Generic", $"{rootNamespace}.Validation");

        foreach (var body in contract.Operations.Select(o => o.Body).OfType<BodyRules>().DistinctBy(b => b.SchemaName))
        {
            EmitBody(code, rootNamespace, body);
        }

        code.AppendLine($"namespace {rootNamespace}.Validation")
            .AppendLine("{")
            .AppendLine("    /// <summary>The path parameter rules of each operation in the contract.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractRules\", \"1.0.0\")]")
            .AppendLine("    public static partial class PathParameterRules")
            .AppendLine("    {");
        foreach (var operation in contract.Operations)
        {
            var parameters = operation.PathParameters;
            var signature = string.Join(", ", parameters.Select(p => $"string? {Identifier(p.JsonName)}"));
            code.AppendLine($"        /// <summary>The rules of the path parameters of {operation.OperationId} that the given values break.</summary>")
                .AppendLine($"        public static IReadOnlyList<ContractViolation> {operation.OperationId}({signature})")
                .AppendLine("        {")
                .AppendLine("            List<ContractViolation>? violations = null;");
            foreach (var parameter in parameters)
            {
                EmitChecks(code, "            ", parameter, Identifier(parameter.JsonName));
                code.AppendLine($"            ContractRule.SinglePathSegment(ref violations, \"{parameter.JsonName}\", {Identifier(parameter.JsonName)});");
            }

            code.AppendLine("            return (IReadOnlyList<ContractViolation>?)violations ?? global::System.Array.Empty<ContractViolation>();")
                .AppendLine("        }");
        }

        code.AppendLine("    }")
            .AppendLine("}")
            .AppendLine();
        EmitErrorCodes(code, rootNamespace, contract.ErrorCodes);
        code.AppendLine();
        EmitEndpoints(code, rootNamespace, contract.Endpoints);
        return code.ToString().ReplaceLineEndings("\n");
    }

    private static void EmitEndpoints(StringBuilder code, string rootNamespace, IReadOnlyList<Endpoint> endpoints)
    {
        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine("    /// <summary>The UCS hosts documented in the contract.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractRules\", \"1.0.0\")]")
            .AppendLine("    public static partial class UcsEndpoints")
            .AppendLine("    {");
        foreach (var endpoint in endpoints)
        {
            code.AppendLine($"        /// <summary>{System.Security.SecurityElement.Escape(endpoint.Description)} <c>{endpoint.Url}</c></summary>")
                .AppendLine($"        public static global::System.Uri {endpoint.Name} {{ get; }} = new(\"{endpoint.Url}\");");
        }

        code.AppendLine("    }")
            .AppendLine("}");
    }

    private static void EmitErrorCodes(StringBuilder code, string rootNamespace, IReadOnlyList<ErrorCode> errorCodes)
    {
        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine("    /// <summary>The UCS error codes documented in the contract, for <c>catch (UcsApiException e) when (e.ErrorCode == UcsErrorCodes.X)</c>.</summary>")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractRules\", \"1.0.0\")]")
            .AppendLine("    public static partial class UcsErrorCodes")
            .AppendLine("    {");
        foreach (var error in errorCodes)
        {
            code.AppendLine($"        /// <summary>HTTP {error.Status}: {System.Security.SecurityElement.Escape(error.Message)}</summary>")
                .AppendLine($"        public const string {error.Name} = \"{error.Code}\";");
        }

        code.AppendLine("    }")
            .AppendLine("}");
    }

    private static void EmitBody(StringBuilder code, string rootNamespace, BodyRules body)
    {
        code.AppendLine($"namespace {rootNamespace}.Models")
            .AppendLine("{")
            .AppendLine($"    public partial class {body.SchemaName}")
            .AppendLine("    {");
        foreach (var property in body.Properties)
        {
            var member = PascalCase(property.JsonName);
            EmitBound(code, property, member, "Minimum", property.Minimum);
            EmitBound(code, property, member, "Maximum", property.Maximum);
            if (property.MinLength is { } minLength)
            {
                code.AppendLine($"        /// <summary>The contract's minLength of <c>{property.JsonName}</c>.</summary>")
                    .AppendLine($"        public const int {member}MinLength = {minLength};");
            }

            if (property.MaxLength is { } maxLength)
            {
                code.AppendLine($"        /// <summary>The contract's maxLength of <c>{property.JsonName}</c>.</summary>")
                    .AppendLine($"        public const int {member}MaxLength = {maxLength};");
            }
        }

        code.AppendLine()
            .AppendLine("        /// <summary>The contract's rules that this body breaks (required fields, lengths, bounds, patterns); empty when it meets them all.</summary>")
            .AppendLine("        public IReadOnlyList<ContractViolation> GetContractViolations()")
            .AppendLine("        {")
            .AppendLine("            List<ContractViolation>? violations = null;");
        foreach (var property in body.Properties)
        {
            EmitChecks(code, "            ", property, PascalCase(property.JsonName));
        }

        code.AppendLine("            return (IReadOnlyList<ContractViolation>?)violations ?? global::System.Array.Empty<ContractViolation>();")
            .AppendLine("        }")
            .AppendLine("    }")
            .AppendLine("}")
            .AppendLine();
    }

    private static void EmitBound(StringBuilder code, Constraint property, string member, string kind, string? bound)
    {
        if (bound is null)
        {
            return;
        }

        var type = property.Type == JsonSchemaType.Integer ? "long" : "double";
        code.AppendLine($"        /// <summary>The contract's {kind.ToLowerInvariant()} of <c>{property.JsonName}</c>.</summary>")
            .AppendLine($"        public const {type} {member}{kind} = {Number(bound, property.Type)};");
    }

    private static void EmitChecks(StringBuilder code, string indent, Constraint property, string value)
    {
        var name = $"\"{property.JsonName}\"";
        if (property.Required)
        {
            code.AppendLine($"{indent}ContractRule.Required(ref violations, {name}, {value});");
        }

        if (property.MinLength is not null || property.MaxLength is not null)
        {
            code.AppendLine($"{indent}ContractRule.Length(ref violations, {name}, {value}, {Literal(property.MinLength)}, {Literal(property.MaxLength)});");
        }

        if (property.Minimum is not null || property.Maximum is not null)
        {
            var min = property.Minimum is null ? "null" : Number(property.Minimum, property.Type);
            var max = property.Maximum is null ? "null" : Number(property.Maximum, property.Type);
            code.AppendLine($"{indent}ContractRule.Range(ref violations, {name}, {value}, {min}, {max});");
        }

        if (property.Pattern is { } pattern)
        {
            code.AppendLine($"{indent}ContractRule.Pattern(ref violations, {name}, {value}, @\"{pattern.Replace("\"", "\"\"", StringComparison.Ordinal)}\");");
        }
    }

    private static string Literal(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Number(string value, JsonSchemaType type) =>
        type == JsonSchemaType.Integer
            ? long.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : double.Parse(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>The C# property name Kiota gives a JSON name: each part after a separator upper-cased at its first letter.</summary>
    public static string PascalCase(string jsonName) =>
        string.Concat(jsonName.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public static string Identifier(string jsonName)
    {
        var pascal = PascalCase(jsonName);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
