using FleetGen.Client.Validation;

namespace FleetGen.Client.Runtime;

/// <summary>One operation of the contract as the client runs it: its rules, its retry policy, whether its answer has a body.</summary>
/// <param name="Id">The operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template of the contract.</param>
/// <param name="Retry">What may be retried.</param>
/// <param name="Parameters">The path, query and header parameters the façade takes, in its order.</param>
/// <param name="Body">The schema of the request body, when there is one.</param>
/// <param name="AnswerRequired">Every success answer of the contract has a body: an empty one is not usable.</param>
public sealed record FleetOperation(
    string Id,
    string Method,
    string Path,
    FleetRetryPolicy Retry,
    IReadOnlyList<ContractParameter> Parameters,
    ContractSchema? Body,
    bool AnswerRequired);
