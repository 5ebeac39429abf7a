using Microsoft.OpenApi;

namespace FleetGen.ContractEmitter;

/// <summary>
/// The contract as Kiota is given it: the same, except that error answers keep their description but lose their body.
/// Errors are raised by FleetGen as its one public exception type, UcsApiException, so Kiota must not generate a
/// second exception type (a model deriving from ApiException) from the error schema. Success answers marked
/// <c>x-fleetgen-answer: ignored</c> lose their body too: the method returns when the call succeeded, reading nothing.
/// </summary>
internal static class KiotaInput
{
    public static async Task WriteAsync(Contract contract, string path)
    {
        var document = contract.Document;
        foreach (var pathItem in document.Paths.Values)
        {
            foreach (var operation in (pathItem.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).Values)
            {
                // A default response is the success answer of an operation without 2XX response: Kiota reads it as a 200.
                if (RequestBodies.DefaultIsSuccess(operation.Responses))
                {
                    operation.Responses!["200"] = operation.Responses["default"];
                    operation.Responses.Remove("default");
                }

                foreach (var status in (operation.Responses ?? []).Keys.Where(IsError).ToList())
                {
                    operation.Responses![status] = new OpenApiResponse { Description = operation.Responses[status].Description ?? status };
                }

                // An ignored answer is given to Kiota as 204: a 200 without body would make Kiota return the raw stream.
                foreach (var status in (operation.Responses ?? []).Where(r => Contract.AnswerKind(r.Value, r.Key) == "ignored").Select(r => r.Key).ToList())
                {
                    var description = operation.Responses![status].Description ?? status;
                    operation.Responses.Remove(status);
                    operation.Responses["204"] = new OpenApiResponse { Description = description };
                }
            }
        }

        if (document.Components?.Responses is { } responses)
        {
            responses.Clear();
        }

        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        await using (var text = new StreamWriter(stream))
        {
            document.SerializeAsV3(new OpenApiJsonWriter(text));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsError(string status) => status.StartsWith('4') || status.StartsWith('5') || status == "default";
}
