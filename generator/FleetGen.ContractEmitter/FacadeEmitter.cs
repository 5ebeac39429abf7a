using System.Text;
using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// Writes the façade, grouped as the contract's tags. Each tag becomes one public partial class
/// <c>{Tag}Operations</c> (the tag in PascalCase: <c>Federation</c> gives <c>FederationOperations</c>), in its own file
/// <c>{Client}.{Tag}Operations.g.cs</c>, reached from the client through a virtual property named as the tag
/// (<c>client.Federation</c>; not pluralised: a name is never guessed from a dictionary). An operation goes on its
/// first tag; operations without a tag go to the group <c>Default</c> (<c>DefaultOperations</c>, <c>client.Default</c>).
/// Each operation of a group gets <c>{OperationId}Async</c>, returning the answer's model, and
/// <c>{OperationId}WithResponseAsync</c>, returning it with the status, headers and request id
/// (<c>FleetResponse</c>); both validate the arguments against the contract, build the request with Kiota's request
/// builder and send it through the engine; a list operation marked <c>x-fleetgen-paging</c> also gets its paging
/// methods (<see cref="Paging"/>). Operations whose answer has a body get a hook,
/// <c>partial void On{OperationId}Answer</c>, for behaviour that belongs to that operation alone. Group methods, the
/// client's group properties and a protected parameterless constructor of each group keep them mockable.
/// </summary>
internal static class FacadeEmitter
{
    /// <summary>The group of the operations that have no tag.</summary>
    public const string DefaultGroup = "Default";

    /// <summary>Members of the client's base class and of <see cref="object"/> that a group property must not hide.</summary>
    private static readonly HashSet<string> ReservedProperties = ["Endpoint", "Engine", "Settings", "Dispose", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize"];

    /// <summary>
    /// The client's file (<paramref name="clientFile"/>: one property per group) and one file per group, by file name.
    /// </summary>
    public static IReadOnlyList<(string FileName, string Code)> Emit(Contract contract, IReadOnlyList<KiotaBuilder> builders, string rootNamespace, string clientClass, string clientFile, string specName, List<string> problems)
    {
        var groups = Groups(contract, clientClass, problems);
        var files = new List<(string FileName, string Code)>();
        var client = GeneratedFile.Start(specName, "FleetGen.Client.Runtime");
        client.AppendLine($"namespace {rootNamespace}")
            .AppendLine("{")
            .AppendLine($"    public partial class {clientClass}")
            .AppendLine("    {");
        foreach (var group in groups)
        {
            var field = Names.Parameter(group.ClassName);
            client.AppendLine($"        private {group.ClassName}? {field};")
                .AppendLine()
                .AppendLine($"        /// <summary>{GroupSummary(group)}</summary>")
                .AppendLine($"        public virtual {group.ClassName} {group.Property} => {field} ??= new {group.ClassName}(Engine);")
                .AppendLine();
        }

        if (groups.Count > 0)
        {
            client.Length -= Environment.NewLine.Length;
        }

        client.AppendLine("    }")
            .AppendLine("}");
        files.Add((clientFile, client.ToString().ReplaceLineEndings("\n")));

        foreach (var group in groups)
        {
            var code = GeneratedFile.Start(specName, "System", "System.Threading", "System.Threading.Tasks", "FleetGen.Client", "FleetGen.Client.Runtime", "FleetGen.Client.Validation");
            code.AppendLine($"namespace {rootNamespace}")
                .AppendLine("{")
                .AppendLine($"    /// <summary>{GroupSummary(group)} Reached through <see cref=\"{clientClass}.{group.Property}\"/>.</summary>")
                .AppendLine($"    public partial class {group.ClassName}")
                .AppendLine("    {")
                .AppendLine("        /// <summary>For mocking frameworks and hand-written fakes: a group without an engine, whose operations must all be overridden.</summary>")
                .AppendLine($"        protected {group.ClassName}()")
                .AppendLine("        {")
                .AppendLine("            Engine = null!;")
                .AppendLine("        }")
                .AppendLine()
                .AppendLine($"        internal {group.ClassName}(FleetEngine engine)")
                .AppendLine("        {")
                .AppendLine("            Engine = engine;")
                .AppendLine("        }")
                .AppendLine()
                .AppendLine("        /// <summary>What the operations validate and send with.</summary>")
                .AppendLine("        private FleetEngine Engine { get; }");
            foreach (var operation in group.Operations)
            {
                var shape = KiotaOutput.Shape(operation.Path);
                var builder = builders.FirstOrDefault(b => b.Shape == shape);
                var method = builder?.Methods.FirstOrDefault(m => m.HttpMethod == operation.Method);
                if (builder is null || method is null)
                {
                    problems.Add($"{operation.Location}: Kiota generated no request builder that sends {operation.Method} {operation.Path}");
                    continue;
                }

                code.AppendLine();
                try
                {
                    EmitOperation(code, operation, builder, method, rootNamespace, problems, Paging.Read(contract, operation, problems));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problems.Add($"{operation.Location}: the emitter cannot write this operation's method ({e.GetType().Name}: {e.Message})");
                }
            }

            code.AppendLine("    }")
                .AppendLine("}");
            files.Add((GroupFileName(clientClass, group.ClassName), code.ToString().ReplaceLineEndings("\n")));
        }

        return files;
    }

    /// <summary>The file of a group's operations; <see cref="IsGroupFile"/> recognises it, to remove the file of a group the contract no longer has.</summary>
    public static string GroupFileName(string clientClass, string groupClass) => $"{clientClass}.{groupClass}.g.cs";

    public static bool IsGroupFile(string fileName, string clientClass) =>
        fileName.StartsWith(clientClass + ".", StringComparison.Ordinal) && fileName.EndsWith("Operations.g.cs", StringComparison.Ordinal)
        && fileName.Length > clientClass.Length + 1 + "Operations.g.cs".Length;

    private sealed record Group(string Tag, string Property, string ClassName, string? Description, List<Operation> Operations);

    /// <summary>The groups in the order of their first operation in the contract, each operation on its first tag.</summary>
    private static List<Group> Groups(Contract contract, string clientClass, List<string> problems)
    {
        var groups = new List<Group>();
        foreach (var operation in contract.Operations)
        {
            var tag = FirstTag(contract, operation) ?? DefaultGroup;
            var group = groups.FirstOrDefault(g => g.Tag == tag);
            if (group is null)
            {
                var property = Names.Method(tag);
                var description = contract.Document.Tags?.FirstOrDefault(t => t.Name == tag)?.Description;
                group = new Group(tag, property, property + "Operations", description, []);
                if (property.Length == 0 || !char.IsAsciiLetter(property[0]))
                {
                    problems.Add($"{operation.Location}.tags: the tag \"{tag}\" gives no C# name for its operation group (it must start with a letter)");
                }
                else if (ReservedProperties.Contains(property) || property == clientClass || property + "Operations" == "ContractOperations")
                {
                    problems.Add($"{operation.Location}.tags: the tag \"{tag}\" gives the group {property}, a name {clientClass} or the operation table uses already");
                }
                else if (groups.FirstOrDefault(g => g.Property == property) is { } clash)
                {
                    problems.Add($"{operation.Location}.tags: the tags \"{clash.Tag}\" and \"{tag}\" give the same operation group {property}");
                }

                groups.Add(group);
            }

            group.Operations.Add(operation);
        }

        return groups;
    }

    private static string? FirstTag(Contract contract, Operation operation) =>
        contract.Document.Paths.TryGetValue(operation.Path, out var path)
        && path.Operations?.FirstOrDefault(o => o.Key.Method.Equals(operation.Method, StringComparison.OrdinalIgnoreCase)).Value is { } found
        && found.Tags?.FirstOrDefault()?.Name is { Length: > 0 } tag
            ? tag
            : null;

    private static string GroupSummary(Group group) =>
        group.Tag == DefaultGroup && group.Description is null
            ? "The operations of the contract that have no tag."
            : $"The operations of the contract's tag <c>{ContractEmitter.Xml(group.Tag)}</c>{(string.IsNullOrWhiteSpace(group.Description) ? "." : ": " + ContractEmitter.Xml(group.Description.Trim()))}";

    private static void EmitOperation(StringBuilder code, Operation operation, KiotaBuilder builder, KiotaMethod method, string rootNamespace, List<string> problems, PagingMark? paging)
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

        var signature = Signature(arguments, method.BodyType);
        signature.Add("CancellationToken cancellationToken = default");

        var argumentNames = arguments.Select(a => a.Parameter.ClrName).Concat(method.BodyType is null ? Array.Empty<string>() : ["body"]).ToList();
        var (valueType, send, answerType) = Send(operation, method, $"global::{rootNamespace}.ContractOperations.{name}, {name}Request({string.Join(", ", argumentNames)})", problems);
        var hookArguments = string.Concat(argumentNames.Select(a => ", " + a));
        var hookParameters = string.Join(string.Empty, arguments.Select(a => $", {a.Type}{(a.Parameter.Required ? string.Empty : "?")} {a.Parameter.ClrName}")) + (method.BodyType is null ? string.Empty : $", {method.BodyType} body");

        // {Op}Async and {Op}WithResponseAsync share the request; each sends it itself, so neither pays for the other's await.
        EmitDocs(code, operation, arguments.Select(a => a.Parameter).ToList(), method.BodyType is not null);
        FacadeKinds.AppendAttributes(code, operation);
        code.AppendLine($"        public virtual async {(valueType is null ? "Task" : $"Task<{valueType}>")} {name}Async({string.Join(", ", signature)})");
        EmitSend(code, name, send, answerType, hookArguments, valueType is null ? null : answerType is null ? string.Empty : "answer.Value");

        // A primitive answer is read by Kiota's adapter, which keeps no status or headers: it has no WithResponse method.
        if (method.SendMethod is not ("SendPrimitiveAsync" or "SendPrimitiveCollectionAsync"))
        {
            code.AppendLine()
                .AppendLine($"        /// <inheritdoc cref=\"{name}Async\"/>")
                .AppendLine($"        /// <returns>The answer{(valueType is null ? string.Empty : "'s model")} with its HTTP status, headers and request id.</returns>");
            FacadeKinds.AppendAttributes(code, operation);
            code
                .AppendLine($"        public virtual async Task<{(valueType is null ? "FleetResponse" : $"FleetResponse<{valueType}>")}> {name}WithResponseAsync({string.Join(", ", signature)})");
            EmitSend(code, name, send, answerType, hookArguments, answerType is null ? string.Empty : $"answer.ToResponse(){(valueType!.EndsWith('?') ? "!" : string.Empty)}");
        }

        code.AppendLine()
            .AppendLine($"        /// <summary>The request of {operation.OperationId}, checked against the contract: an argument that breaks it throws and nothing is sent.</summary>");
        FacadeKinds.AppendAttributes(code, operation);
        code.AppendLine($"        private global::Microsoft.Kiota.Abstractions.RequestInformation {name}Request({string.Join(", ", signature.Take(signature.Count - 1).Select(p => p.Replace(" = default", string.Empty, StringComparison.Ordinal)))})")
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
            .AppendLine($"            Engine.Validate(operation, request, [{string.Join(", ", arguments.Select(a => a.Parameter.ClrName))}]{FacadeKinds.BodyArgument(operation, method)});")
            .AppendLine("            return request;")
            .AppendLine("        }");
        if (answerType is not null)
        {
            code.AppendLine()
                .AppendLine($"        /// <summary>Runs after {operation.OperationId} answered and before its answer is returned: operation-specific checks of the answer go here.</summary>")
                .AppendLine($"        partial void On{name}Answer(FleetAnswer<{answerType}> answer{hookParameters});");
        }

        if (paging is not null)
        {
            Paging.Emit(code, operation, paging, method, arguments, rootNamespace, problems);
        }
    }

    /// <summary>The parameters of a method taking <paramref name="arguments"/> and a body of <paramref name="bodyType"/>: in the contract's order, only those after the last required one with a default.</summary>
    internal static List<string> Signature(IReadOnlyList<(Parameter Parameter, string Type)> arguments, string? bodyType)
    {
        var lastRequired = bodyType is not null ? arguments.Count : arguments.ToList().FindLastIndex(a => a.Parameter.Required);
        var signature = arguments.Select((a, i) => a.Parameter.Required
                ? $"{a.Type} {a.Parameter.ClrName}"
                : $"{a.Type}? {a.Parameter.ClrName}{(i > lastRequired ? " = default" : string.Empty)}")
            .ToList();
        if (bodyType is not null)
        {
            signature.Add($"{bodyType} body");
        }

        return signature;
    }

    /// <summary>The documentation of a parameter: its description, its name in the contract, where it travels.</summary>
    internal static string ParameterDoc(Parameter parameter) =>
        $"        /// <param name=\"{parameter.ClrName.TrimStart('@')}\">{ContractEmitter.Xml((parameter.Description ?? $"The {parameter.In} parameter {parameter.Name}.").Trim())} (<c>{ContractEmitter.Xml(parameter.Name)}</c>, {parameter.In}{(parameter.Required ? ", required" : string.Empty)})</param>";

    /// <summary>
    /// The body of an operation method: sends, runs the hook when the answer has a body, and returns
    /// <paramref name="result"/> (<c>null</c>: nothing; empty: the engine's own result).
    /// </summary>
    private static void EmitSend(StringBuilder code, string name, string send, string? answerType, string hookArguments, string? result)
    {
        code.AppendLine("        {");
        if (answerType is null)
        {
            code.AppendLine($"            {(result is null ? string.Empty : "return ")}{send}");
        }
        else
        {
            code.AppendLine($"            var answer = {send}")
                .AppendLine($"            On{name}Answer(answer{hookArguments});")
                .AppendLine($"            return {result};");
        }

        code.AppendLine("        }");
    }

    /// <summary>The type of the answer's value (<c>null</c> without one), the send statement, and the model the hook sees (<c>null</c> without a hook).</summary>
    private static (string? ValueType, string Send, string? AnswerType) Send(Operation operation, KiotaMethod method, string target, List<string> problems)
    {
        var tail = $"({target}, cancellationToken).ConfigureAwait(false);";
        switch (method.SendMethod)
        {
            case "SendAsync" when method.ResultType is { } model && method.Factory is { } factory:
                // The hook sees FleetAnswer<model> either way; without a promised answer its Value may be null.
                return (operation.AnswerRequired ? model : model + "?", $"await Engine.SendAsync({target}, {factory}, cancellationToken).ConfigureAwait(false);", model);
            case "SendCollectionAsync" when method.ResultType is { } item && method.Factory is { } itemFactory:
                var list = $"global::System.Collections.Generic.List<{item}>";
                return (list, $"await Engine.SendCollectionAsync({target}, {itemFactory}, cancellationToken).ConfigureAwait(false);", list);
            case "SendPrimitiveAsync" when method.ResultType is { } primitive:
                return (primitive + "?", $"await Engine.SendPrimitiveAsync<{primitive}>{tail}", null);
            case "SendNoContentAsync":
                return (null, $"await Engine.SendNoContentAsync{tail}", null);
            default:
                if (FacadeKinds.Send(method, target) is var (valueType, send))
                {
                    return (valueType, send, null);
                }

                problems.Add($"{operation.Location}: Kiota answers this operation with {method.SendMethod}, which the façade does not support");
                return (null, $"await Engine.SendNoContentAsync{tail}", null);
        }
    }

    internal static string ScalarType(IOpenApiSchema schema, string location, List<string> problems)
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
            code.AppendLine(ParameterDoc(parameter));
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
