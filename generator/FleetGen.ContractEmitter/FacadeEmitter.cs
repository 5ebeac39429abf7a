using System.Text;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes the façade: for every operation of the contract, one method <c>{OperationId}Async</c> of the client class that
/// validates its arguments against the contract, builds the request with Kiota's request builder and sends it through
/// Kiota's request adapter. Operations whose answer has a body get a hook, <c>partial void On{OperationId}Answer</c>,
/// for behaviour that belongs to that operation alone.
/// </summary>
internal static class FacadeEmitter
{
    public static string Emit(Contract contract, IReadOnlyList<KiotaBuilder> builders, string rootNamespace, string clientClass, string specName, List<string> problems)
    {
        var code = GeneratedFile.Start(specName, "System", "System.Threading", "System.Threading.Tasks", "FleetGen.Client", "FleetGen.Client.Contract", "FleetGen.Client.Validation");
        code.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine($"    public partial class {clientClass}")
            .AppendLine("    {");
        var first = true;
        foreach (var operation in contract.Operations)
        {
            var shape = KiotaOutput.Shape(operation.Path);
            var builder = builders.FirstOrDefault(b => b.Shape == shape);
            var method = builder?.Methods.FirstOrDefault(m => m.HttpMethod == operation.Method);
            if (builder is null || method is null)
            {
                problems.Add($"{operation.Location}: Kiota generated no request builder that sends {operation.Method} {operation.Path}");
                continue;
            }

            if (!first)
            {
                code.AppendLine();
            }

            first = false;
            try
            {
                EmitOperation(code, operation, builder, method, rootNamespace, problems);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"{operation.Location}: the emitter cannot write this operation's method ({e.GetType().Name}: {e.Message})");
            }
        }

        code.AppendLine("    }")
            .AppendLine("}");
        return code.ToString().ReplaceLineEndings("\n");
    }

    private static void EmitOperation(StringBuilder code, Operation operation, KiotaBuilder builder, KiotaMethod method, string rootNamespace, List<string> problems)
    {
        var name = Names.Method(operation.OperationId);
        var pathParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        if (pathParameters.Count != builder.PathParameters.Count)
        {
            problems.Add($"{operation.Location}: Kiota's template {builder.Template} has {builder.PathParameters.Count} path parameters, the contract {pathParameters.Count}");
            return;
        }

        // Contract parameters in the order of the path template, matched to Kiota's template names by position.
        var pathOrder = System.Text.RegularExpressions.Regex.Matches(operation.Path, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();
        var templateName = pathOrder.Select((n, i) => (n, builder.PathParameters[i])).ToDictionary(p => p.n, p => p.Item2);

        var arguments = new List<(Parameter Parameter, string Type)>();
        foreach (var parameter in operation.Parameters)
        {
            string type;
            if (parameter.In == "query")
            {
                var property = method.QueryParameters.FirstOrDefault(q => q.Name == parameter.Name);
                if (property is null)
                {
                    problems.Add($"{parameter.Location}: Kiota's request builder {builder.Type} has no query parameter {parameter.Name}");
                    continue;
                }

                type = property.Type.TrimEnd('?');
            }
            else
            {
                type = ScalarType(parameter.Schema, parameter.Location, problems);
            }

            arguments.Add((parameter, type));
        }

        // Parameters keep the contract's order; only those after the last required one can have a default.
        var lastRequired = method.BodyType is not null ? arguments.Count : arguments.FindLastIndex(a => a.Parameter.Required);
        var signature = arguments.Select((a, i) => a.Parameter.Required
                ? $"{a.Type} {a.Parameter.ClrName}"
                : $"{a.Type}? {a.Parameter.ClrName}{(i > lastRequired ? " = default" : string.Empty)}")
            .ToList();
        if (method.BodyType is not null)
        {
            signature.Add($"{method.BodyType} body");
        }

        signature.Add("CancellationToken cancellationToken = default");

        var (returnType, send, answerType) = Send(operation, method, problems);
        var hookArguments = string.Join(string.Empty, arguments.Select(a => ", " + a.Parameter.ClrName)) + (method.BodyType is null ? string.Empty : ", body");
        var hookParameters = string.Join(string.Empty, arguments.Select(a => $", {a.Type}{(a.Parameter.Required ? string.Empty : "?")} {a.Parameter.ClrName}")) + (method.BodyType is null ? string.Empty : $", {method.BodyType} body");

        EmitDocs(code, operation, arguments.Select(a => a.Parameter).ToList(), method.BodyType is not null);
        FacadeKinds.AppendAttributes(code, operation);
        code.AppendLine($"        public virtual async {returnType} {name}Async({string.Join(", ", signature)})")
            .AppendLine("        {")
            .AppendLine($"            var operation = global::{rootNamespace}.ContractOperations.{name};")
            .AppendLine("            var pathParameters = Engine.PathParameters();");
        foreach (var parameter in pathParameters)
        {
            var type = arguments.First(a => a.Parameter == parameter).Type;
            code.AppendLine($"            pathParameters[{SchemaCode.Literal(templateName[parameter.Name])}] = {parameter.ClrName}{(type == "string" ? "!" : string.Empty)};");
        }

        code.AppendLine($"            var builder = new {builder.Type}(pathParameters, Engine.Adapter);");
        var configure = new List<string>();
        foreach (var (parameter, _) in arguments.Where(a => a.Parameter.In == "query"))
        {
            var property = method.QueryParameters.First(q => q.Name == parameter.Name);
            configure.Add($"                configuration.QueryParameters.{property.Property} = {parameter.ClrName};");
        }

        foreach (var (parameter, type) in arguments.Where(a => a.Parameter.In == "header"))
        {
            configure.Add(FacadeKinds.Header(parameter, type));
        }

        var requestArguments = new List<string>();
        if (method.BodyType is not null)
        {
            requestArguments.Add("body");
        }

        if (configure.Count > 0)
        {
            requestArguments.Add("configuration =>\n            {\n" + string.Join("\n", configure) + "\n            }");
        }

        code.AppendLine($"            var request = builder.{method.RequestInformationMethod}({string.Join(", ", requestArguments)});")
            .AppendLine($"            Engine.Validate(operation, request, [{string.Join(", ", arguments.Select(a => a.Parameter.ClrName))}]{FacadeKinds.BodyArgument(operation, method)});");
        if (answerType is null)
        {
            code.AppendLine($"            {send}");
        }
        else
        {
            code.AppendLine($"            var answer = {send}")
                .AppendLine($"            On{name}Answer(answer{hookArguments});")
                .AppendLine("            return answer.Value;");
        }

        code.AppendLine("        }");
        if (answerType is not null)
        {
            code.AppendLine()
                .AppendLine($"        /// <summary>Runs after {operation.OperationId} answered and before its answer is returned: operation-specific checks of the answer go here.</summary>")
                .AppendLine($"        partial void On{name}Answer(FleetAnswer<{answerType}> answer{hookParameters});");
        }
    }

    private static (string ReturnType, string Send, string? AnswerType) Send(Operation operation, KiotaMethod method, List<string> problems)
    {
        const string Tail = "(operation, request, cancellationToken).ConfigureAwait(false);";
        switch (method.SendMethod)
        {
            case "SendAsync" when method.ResultType is { } model && method.Factory is { } factory:
                // The hook sees FleetAnswer<model> either way; without a promised answer its Value may be null.
                return ($"Task<{(operation.AnswerRequired ? model : model + "?")}>", $"await Engine.SendAsync(operation, request, {factory}, cancellationToken).ConfigureAwait(false);", model);
            case "SendCollectionAsync" when method.ResultType is { } item && method.Factory is { } itemFactory:
                var list = $"global::System.Collections.Generic.List<{item}>";
                return ($"Task<{list}>", $"await Engine.SendCollectionAsync(operation, request, {itemFactory}, cancellationToken).ConfigureAwait(false);", list);
            case "SendPrimitiveAsync" when method.ResultType is { } primitive:
                return ($"Task<{primitive}?>", $"return await Engine.SendPrimitiveAsync<{primitive}>{Tail}", null);
            case "SendNoContentAsync":
                return ("Task", $"await Engine.SendNoContentAsync{Tail}", null);
            default:
                if (FacadeKinds.Send(method, Tail) is var (returnType, send))
                {
                    return (returnType, send, null);
                }

                problems.Add($"{operation.Location}: Kiota answers this operation with {method.SendMethod}, which the façade does not support");
                return ("Task", $"await Engine.SendNoContentAsync{Tail}", null);
        }
    }

    private static string ScalarType(IOpenApiSchema schema, string location, List<string> problems)
    {
        var type = schema.Type ?? JsonSchemaType.String;
        if (type.HasFlag(JsonSchemaType.Array) || type.HasFlag(JsonSchemaType.Object))
        {
            problems.Add($"{location}: path and header parameters must be scalars");
            return "string";
        }

        return (type & ~JsonSchemaType.Null, schema.Format) switch
        {
            (JsonSchemaType.String, "uuid") => "Guid",
            (JsonSchemaType.String, "date-time") => "DateTimeOffset",
            (JsonSchemaType.Integer, "int64") => "long",
            (JsonSchemaType.Integer, _) => "int",
            (JsonSchemaType.Number, "float") => "float",
            (JsonSchemaType.Number, _) => "double",
            (JsonSchemaType.Boolean, _) => "bool",
            _ => "string",
        };
    }

    private static void EmitDocs(StringBuilder code, Operation operation, IReadOnlyList<Parameter> parameters, bool hasBody)
    {
        code.AppendLine($"        /// <summary>{ContractEmitter.Xml(operation.Summary ?? operation.OperationId)} ({ContractEmitter.Xml(operation.OperationId)}: <c>{operation.Method} {ContractEmitter.Xml(operation.Path)}</c>).</summary>");
        if (!string.IsNullOrWhiteSpace(operation.Description))
        {
            code.AppendLine($"        /// <remarks>{ContractEmitter.Xml(operation.Description.Trim())}</remarks>");
        }

        foreach (var parameter in parameters)
        {
            var text = parameter.Description ?? $"The {parameter.In} parameter {parameter.Name}.";
            code.AppendLine($"        /// <param name=\"{parameter.ClrName.TrimStart('@')}\">{ContractEmitter.Xml(text.Trim())} (<c>{ContractEmitter.Xml(parameter.Name)}</c>, {parameter.In}{(parameter.Required ? ", required" : string.Empty)})</param>");
        }

        if (hasBody)
        {
            code.AppendLine($"        /// <param name=\"body\">{ContractEmitter.Xml((operation.BodyDescription ?? "The request body.").Trim())}</param>");
        }

        code.AppendLine("        /// <param name=\"cancellationToken\">Cancels the call, retry waits included.</param>")
            .AppendLine("        /// <exception cref=\"global::FleetGen.Client.Validation.FleetValidationException\">An argument breaks the contract; nothing was sent.</exception>")
            .AppendLine("        /// <exception cref=\"global::FleetGen.Client.UcsApiException\">The service answered with an error, or with an answer that is not usable.</exception>")
            .AppendLine("        /// <exception cref=\"global::System.TimeoutException\">The call took longer than the client's timeout.</exception>");
    }
}
