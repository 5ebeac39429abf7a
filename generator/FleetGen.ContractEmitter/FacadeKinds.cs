using System.Text;

namespace FleetGen.ContractEmitter;

/// <summary>
/// What the façade writes for an operation beyond a JSON call: the <c>[Obsolete]</c> of a deprecated operation, the
/// body handed to validation when Kiota does not serialize it as JSON (form, multipart, text, stream), and answers
/// read as a list of scalars.
/// </summary>
internal static class FacadeKinds
{
    public static void AppendAttributes(StringBuilder code, Operation operation)
    {
        if (operation.Deprecated)
        {
            code.AppendLine($"        [global::System.Obsolete({SchemaCode.Literal($"The contract marks {operation.OperationId} ({operation.Method} {operation.Path}) deprecated.")})]");
        }
    }

    /// <summary>
    /// The body as an argument of <c>Engine.Validate</c> when the wire is not JSON: the engine checks a form model as
    /// the JSON it stands for, a multipart body part by part and a string as a string; a JSON body is checked as sent.
    /// </summary>
    public static string BodyArgument(Operation operation, KiotaMethod method) =>
        method.BodyType is null || operation.BodyKind == BodyKind.Json ? string.Empty : ", body";

    /// <summary>Adds a header parameter to the request; one that may be absent (optional, or a string) only when given.</summary>
    public static string Header(Parameter parameter, string type)
    {
        var add = $"configuration.Headers.Add({SchemaCode.Literal(parameter.Name)}, ContractValues.HeaderText({parameter.ClrName}));";
        return parameter.Required && type != "string" ? "                " + add : $"                if ({parameter.ClrName} is not null) {add}";
    }

    /// <summary>The answer's value type and send call for Kiota's send methods beyond one model, a list of models, a scalar or nothing.</summary>
    public static (string ValueType, string Send)? Send(KiotaMethod method, string target)
    {
        if (method is { SendMethod: "SendPrimitiveCollectionAsync", ResultType: { } item })
        {
            return ($"global::System.Collections.Generic.List<{item}>", $"await Engine.SendPrimitiveCollectionAsync<{item}>({target}, cancellationToken).ConfigureAwait(false);");
        }

        return null;
    }
}
