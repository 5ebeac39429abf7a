using System.Text;
using Microsoft.OpenApi;

namespace FleetGen.ContractRules;

/// <summary>
/// Writes the fast JSON paths for the contract's bodies: a Utf8JsonReader-based reader that fills Kiota's generated
/// models of success responses, and a Utf8JsonWriter-based writer of request bodies. Each gives up (returns false)
/// on anything it does not cover, an unknown property, a null object, a value of another type, so that Kiota's own
/// path then handles the body with its usual behaviour.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(Contract contract, string rootNamespace, string specName)
    {
        var code = GeneratedFile.Start(specName, "System.Collections.Generic", "System.Text.Json", $"{rootNamespace}.Models");
        code.AppendLine($"namespace {rootNamespace}.Serialization")
            .AppendLine("{")
            .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"FleetGen.ContractRules\", \"1.0.0\")]")
            .AppendLine("    internal static partial class ContractJson")
            .AppendLine("    {")
            .AppendLine("        /// <summary>Reads a success body of model <paramref name=\"type\"/>; false when the fast path does not cover this JSON.</summary>")
            .AppendLine("        public static bool TryRead(global::System.Type type, ref Utf8JsonReader reader, out object? value)")
            .AppendLine("        {");
        foreach (var model in contract.ResponseModels)
        {
            code.AppendLine($"            if (type == typeof({model.Name}))")
                .AppendLine("            {")
                .AppendLine($"                var read = Read{model.Name}(ref reader, out var result);")
                .AppendLine("                value = result;")
                .AppendLine("                return read;")
                .AppendLine("            }")
                .AppendLine();
        }

        code.AppendLine("            value = null;")
            .AppendLine("            return false;")
            .AppendLine("        }");

        foreach (var model in contract.ResponseModels)
        {
            EmitReader(code, model);
        }

        foreach (var item in contract.ResponseModels.SelectMany(m => m.Properties).Select(p => p.ItemReference).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            EmitListReader(code, item);
        }

        foreach (var model in contract.ResponseModels)
        {
            foreach (var property in model.Properties.Where(p => p.Type == (JsonSchemaType.Boolean | JsonSchemaType.String)))
            {
                EmitBooleanOrStringReader(code, model, property);
            }
        }

        code.AppendLine()
            .AppendLine("        /// <summary>Writes a request body; false when the fast path does not cover this value.</summary>")
            .AppendLine("        public static bool TryWrite(Microsoft.Kiota.Abstractions.Serialization.IParsable value, Utf8JsonWriter writer)")
            .AppendLine("        {")
            .AppendLine("            switch (value)")
            .AppendLine("            {");
        foreach (var model in contract.RequestModels.Where(m => m.Properties.All(p => Scalar(p) is not null)))
        {
            code.AppendLine($"                case {model.Name} body when body.AdditionalData.Count == 0:")
                .AppendLine("                    writer.WriteStartObject();");
            foreach (var property in model.Properties.OrderBy(p => p.JsonName, StringComparer.Ordinal))
            {
                var write = Scalar(property) switch
                {
                    "string" => "WriteString",
                    "bool" => "WriteBoolean",
                    _ => "WriteNumber",
                };
                code.AppendLine($"                    if (body.{property.Member} is {{ }} {Local(property)})")
                    .AppendLine("                    {")
                    .AppendLine($"                        writer.{write}(\"{property.JsonName}\"u8, {Local(property)});")
                    .AppendLine("                    }")
                    .AppendLine();
            }

            code.AppendLine("                    writer.WriteEndObject();")
                .AppendLine("                    return true;");
        }

        code.AppendLine("                default:")
            .AppendLine("                    return false;")
            .AppendLine("            }")
            .AppendLine("        }")
            .AppendLine("    }")
            .AppendLine("}");
        return code.ToString().ReplaceLineEndings("\n");
    }

    private static void EmitReader(StringBuilder code, Model model)
    {
        code.AppendLine()
            .AppendLine($"        private static bool Read{model.Name}(ref Utf8JsonReader reader, out {model.Name}? value)")
            .AppendLine("        {")
            .AppendLine("            value = null;")
            .AppendLine("            if (reader.TokenType != JsonTokenType.StartObject)")
            .AppendLine("            {")
            .AppendLine("                return false;")
            .AppendLine("            }")
            .AppendLine()
            .AppendLine($"            var result = new {model.Name}();")
            .AppendLine("            while (reader.Read())")
            .AppendLine("            {")
            .AppendLine("                if (reader.TokenType == JsonTokenType.EndObject)")
            .AppendLine("                {")
            .AppendLine("                    value = result;")
            .AppendLine("                    return true;")
            .AppendLine("                }")
            .AppendLine();
        var first = true;
        foreach (var property in model.Properties)
        {
            var read = ReadCall(model, property);
            code.AppendLine($"                {(first ? "if" : "else if")} (reader.ValueTextEquals(\"{property.JsonName}\"u8))")
                .AppendLine("                {")
                .AppendLine($"                    if (!reader.Read() || !{read}(ref reader, out var {Local(property)}))")
                .AppendLine("                    {")
                .AppendLine("                        return false;")
                .AppendLine("                    }")
                .AppendLine()
                .AppendLine($"                    result.{property.Member} = {Local(property)};")
                .AppendLine("                }");
            first = false;
        }

        code.AppendLine(first ? "                return false;" : "                else\n                {\n                    return false;\n                }")
            .AppendLine("            }")
            .AppendLine()
            .AppendLine("            return false;")
            .AppendLine("        }");
    }

    private static void EmitListReader(StringBuilder code, string item)
    {
        code.AppendLine()
            .AppendLine($"        private static bool ReadListOf{item}(ref Utf8JsonReader reader, out List<{item}>? value)")
            .AppendLine("        {")
            .AppendLine("            value = null;")
            .AppendLine("            if (reader.TokenType != JsonTokenType.StartArray)")
            .AppendLine("            {")
            .AppendLine("                return false;")
            .AppendLine("            }")
            .AppendLine()
            .AppendLine($"            var list = new List<{item}>();")
            .AppendLine("            while (reader.Read())")
            .AppendLine("            {")
            .AppendLine("                if (reader.TokenType == JsonTokenType.EndArray)")
            .AppendLine("                {")
            .AppendLine("                    value = list;")
            .AppendLine("                    return true;")
            .AppendLine("                }")
            .AppendLine()
            .AppendLine($"                if (!Read{item}(ref reader, out var item) || item is null)")
            .AppendLine("                {")
            .AppendLine("                    return false;")
            .AppendLine("                }")
            .AppendLine()
            .AppendLine("                list.Add(item);")
            .AppendLine("            }")
            .AppendLine()
            .AppendLine("            return false;")
            .AppendLine("        }");
    }

    private static void EmitBooleanOrStringReader(StringBuilder code, Model model, ModelProperty property)
    {
        var wrapper = Wrapper(model, property);
        code.AppendLine()
            .AppendLine($"        private static bool Read{model.Name}{property.Member}(ref Utf8JsonReader reader, out {wrapper}? value)")
            .AppendLine("        {")
            .AppendLine("            value = reader.TokenType switch")
            .AppendLine("            {")
            .AppendLine("                JsonTokenType.True => new() { Boolean = true },")
            .AppendLine("                JsonTokenType.False => new() { Boolean = false },")
            .AppendLine("                JsonTokenType.String => new() { String = reader.GetString() },")
            .AppendLine("                _ => null,")
            .AppendLine("            };")
            .AppendLine("            return value is not null;")
            .AppendLine("        }");
    }

    /// <summary>Kiota's name of the wrapper class of a property's oneOf of primitive types.</summary>
    private static string Wrapper(Model model, ModelProperty property) =>
        $"{model.Name}.{model.Name}_{char.ToLowerInvariant(property.Member[0])}{property.Member[1..]}";

    private static string ReadCall(Model model, ModelProperty property)
    {
        if (property.Reference is { } reference)
        {
            return $"Read{reference}";
        }

        if (property.Type == JsonSchemaType.Array)
        {
            return property.ItemReference is { } item ? $"ReadListOf{item}" : "ContractJsonPrimitives.Unsupported";
        }

        if (property.Type == (JsonSchemaType.Boolean | JsonSchemaType.String))
        {
            return $"Read{model.Name}{property.Member}";
        }

        return Scalar(property) switch
        {
            "string" => "ContractJsonPrimitives.ReadString",
            "bool" => "ContractJsonPrimitives.ReadBoolean",
            "int" => "ContractJsonPrimitives.ReadInt32",
            "long" => "ContractJsonPrimitives.ReadInt64",
            "double" => "ContractJsonPrimitives.ReadDouble",
            _ => "ContractJsonPrimitives.Unsupported",
        };
    }

    private static string? Scalar(ModelProperty property) => property.Type switch
    {
        JsonSchemaType.String when property.Reference is null => "string",
        JsonSchemaType.Boolean => "bool",
        JsonSchemaType.Integer => property.Format == "int64" ? "long" : "int",
        JsonSchemaType.Number => "double",
        _ => null,
    };

    private static string Local(ModelProperty property) => "v" + property.Member;
}
