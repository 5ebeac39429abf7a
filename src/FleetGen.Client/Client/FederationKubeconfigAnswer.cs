using System.Text.Json;
using FleetGen.Client.Http;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Serialization;

namespace FleetGen.Client;

/// <summary>
/// The answer of CreateFederationCert, read as something that will end up in the user's kubeconfig: its shape is checked
/// on the JSON (<see cref="FederationKubeconfigShape"/>), the model on every kubeconfig rule (<see cref="KubeconfigValidator"/>),
/// and its entries are named after the fleet (<see cref="Kubeconfig.NameForFleet"/>). Anything else raises
/// <see cref="UcsApiException"/>: a half-usable kubeconfig is never returned.
/// </summary>
internal static class FederationKubeconfigAnswer
{
    public static async Task<Kubeconfig> ReadAsync(HttpResponseMessage response, string fleetId, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var requestId = redactor.Apply(UcsResponseHeaders.RequestId(response));
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        UcsApiException Unusable(string problem, Exception? inner = null) =>
            UcsApiException.UnusableAnswer(status, redactor.Apply($"the body is not a usable kubeconfig: {problem}")!, requestId, inner);

        if (body.Length == 0)
        {
            throw Unusable("the body is empty");
        }

        Kubeconfig? config;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (FederationKubeconfigShape.Problems(document.RootElement) is { Count: > 0 } shape)
            {
                throw Unusable(string.Join("; ", shape));
            }

            using var stream = new MemoryStream(body, writable: false);
            var node = await FleetSerialization.ParseNodeFactory
                .GetRootParseNodeAsync(response.Content.Headers.ContentType?.MediaType ?? "application/json", stream, cancellationToken)
                .ConfigureAwait(false);
            config = node.GetObjectValue(Kubeconfig.CreateFromDiscriminatorValue);
        }
        catch (JsonException e)
        {
            throw Unusable($"it is not JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is not (UcsApiException or OperationCanceledException))
        {
            throw Unusable($"it could not be read ({e.GetType().Name}: {e.Message})", e);
        }

        if (config is null)
        {
            throw Unusable("the body is empty");
        }

        var problems = KubeconfigValidator.Problems(config);
        return problems.Count == 0 ? config.WithEntryNames(Kubeconfig.NameForFleet(fleetId)) : throw Unusable(string.Join("; ", problems));
    }
}
