using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Client.Http;
using FleetGen.Client.Telemetry;
using FleetGen.Client.Validation;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace FleetGen.Client.Runtime;

/// <summary>
/// What every generated operation method runs on: Kiota's request adapter over FleetGen's handler pipeline, with
/// Kiota's JSON serialization; the contract's validation of what is about to be sent; and the reading of the answer.
/// A client gets it from <see cref="FleetClientBase.Engine"/>; generated code calls it, callers of a client do not.
/// </summary>
public sealed partial class FleetEngine
{
    private readonly HttpClientRequestAdapter adapter;
    private readonly JsonParseNodeFactory parseNodes = new();
    private readonly FleetTelemetry telemetry;

    internal FleetEngine(HttpClient pipeline, Uri endpoint, FleetTelemetry telemetry, TimeProvider time)
    {
        this.telemetry = telemetry;
        Time = time;
        adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), ParseNodes(parseNodes), SerializationWriters(), pipeline)
        {
            BaseUrl = endpoint.GetLeftPart(UriPartial.Authority),
        };
        Adapter = new RequestBuildingAdapter(adapter);
    }

    /// <summary>
    /// The adapter the generated operations create Kiota's request builders with: it serializes bodies and knows the
    /// base URL, but sends nothing (it throws <see cref="NotSupportedException"/>); the engine's send methods send.
    /// </summary>
    public IRequestAdapter Adapter { get; }

    /// <summary>The client's clock (<see cref="FleetClientOptions.TimeProvider"/>), for the answer checks of an operation.</summary>
    internal TimeProvider Time { get; }

    /// <summary>The path parameters a request builder starts from: the base URL, to which the façade adds the operation's.</summary>
    public Dictionary<string, object> PathParameters() => new() { ["baseurl"] = adapter.BaseUrl! };

    /// <summary>
    /// Checks the arguments (in the order of <see cref="FleetOperation.Parameters"/>) and the body Kiota serialized
    /// against the contract, leaves readOnly properties out of the body, and marks the request with its operation;
    /// throws before anything is sent. <paramref name="body"/> is given when the body is not JSON on the wire.
    /// </summary>
    public void Validate(FleetOperation operation, RequestInformation request, object?[] values, object? body = null)
    {
        var violations = new List<ContractViolation>();
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            switch (values[i])
            {
                case null when parameter.Required:
                    violations.Add(new ContractViolation(parameter.Name, null, "is required"));
                    continue;
                case null:
                    continue;
                case string segment when parameter.Location == ParameterLocation.Path && segment is "." or "..":
                    violations.Add(new ContractViolation(parameter.Name, segment, "cannot be sent: a path segment of only dots is removed by URL normalization and would change the route"));
                    continue;
                case string text when parameter.Location == ParameterLocation.Header && text.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0:
                    violations.Add(new ContractViolation(parameter.Name, null, "must not contain line breaks or NUL characters"));
                    continue;
            }

            ContractValidator.Check(ContractValues.ToJson(values[i]), parameter.Schema, parameter.Name, parameter.Required, violations);
        }

        if (operation.Body is { } schema)
        {
            var bodyViolations = new List<ContractViolation>();
            CheckBody(request, schema, body, bodyViolations);
            violations.AddRange(bodyViolations.Select(v => v.Field.Length == 0 ? v with { Field = "body" } : v));
        }

        if (violations.Count > 0)
        {
            throw new FleetValidationException(violations);
        }

        var pathValues = operation.Parameters.Select((parameter, i) => (parameter, value: values[i]))
            .Where(p => p.parameter.Location == ParameterLocation.Path)
            .Select(p => KeyValuePair.Create(p.parameter.FacadeName, p.value))
            .ToList();
        request.AddRequestOptions([new FleetOperationOption(operation, pathValues)]);
    }

    /// <summary>
    /// Checks values that a composed call will later put into an operation's body, before its first request:
    /// a violation names the body field (<c>body.duration</c>).
    /// </summary>
    internal static void CheckBodyValues(FleetOperation operation, params (string Property, object? Value)[] values)
    {
        var properties = operation.Body?.Resolved().Properties ?? throw new InvalidOperationException($"{operation.Id} has no body schema.");
        var required = operation.Body.Resolved().Required ?? [];
        var violations = new List<ContractViolation>();
        foreach (var (property, value) in values)
        {
            ContractValidator.Check(ContractValues.ToJson(value), properties[property], $"body.{property}", required.Contains(property), violations);
        }

        if (violations.Count > 0)
        {
            throw new FleetValidationException(violations);
        }
    }

    /// <summary>Sends and reads the answer as one model, failing with <see cref="UcsApiException"/> for an error or an unusable answer; an empty or non-JSON body is refused when the contract promises one, and read as no answer when it does not.</summary>
    public Task<FleetAnswer<T>> SendAsync<T>(FleetOperation operation, RequestInformation request, ParsableFactory<T> factory, CancellationToken cancellationToken)
        where T : IParsable =>
        InstrumentedAsync(operation, request, async () =>
        {
            var (answer, node) = await SendForNodeAsync<T>(operation, request, cancellationToken).ConfigureAwait(false);
            answer.Value = node is null ? default! : Read(answer, () => node.GetObjectValue(factory));
            return answer.Value is null && operation.AnswerRequired ? throw answer.Unusable("the body is empty") : answer;
        });

    /// <summary>Sends and reads the answer as a list of models, failing with <see cref="UcsApiException"/> for an error or an unusable answer.</summary>
    public Task<FleetAnswer<List<T>>> SendCollectionAsync<T>(FleetOperation operation, RequestInformation request, ParsableFactory<T> factory, CancellationToken cancellationToken)
        where T : IParsable =>
        InstrumentedAsync(operation, request, async () =>
        {
            var (answer, node) = await SendForNodeAsync<List<T>>(operation, request, cancellationToken).ConfigureAwait(false);
            answer.Value = node is null ? [] : Read(answer, () => node.GetCollectionOfObjectValues(factory).ToList());
            return answer;
        });

    /// <summary>Sends and reads the answer as one value of a primitive type.</summary>
    public Task<T?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(FleetOperation operation, RequestInformation request, CancellationToken cancellationToken) =>
        InstrumentedAsync(operation, request, () => adapter.SendPrimitiveAsync<T>(request, errorMapping: null, cancellationToken));

    /// <summary>Sends an operation whose answer has no body to read; the answer's status, headers and request id are kept.</summary>
    public Task<FleetResponse> SendNoContentAsync(FleetOperation operation, RequestInformation request, CancellationToken cancellationToken) =>
        InstrumentedAsync(operation, request, async () =>
        {
            var capture = new AnswerCapture();
            request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = capture }]);
            await adapter.SendNoContentAsync(request, errorMapping: null, cancellationToken).ConfigureAwait(false);
            return capture.Response();
        });

    /// <summary>
    /// One span per operation (<c>UCS {operationId}</c>; the HttpClient spans of its attempts nest under it) with the
    /// operation, its path parameters, status, request id, retry count and <c>error.type</c>; and its duration by outcome.
    /// </summary>
    private async Task<T> InstrumentedAsync<T>(FleetOperation operation, RequestInformation request, Func<Task<T>> send)
    {
        var call = FleetOperationOption.Of(request);
        using var activity = telemetry.Source.StartActivity($"UCS {operation.Id}", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("ucs.operation.id", operation.Id);
            foreach (var (name, value) in call?.PathValues ?? [])
            {
                activity.SetTag($"ucs.{SnakeCase(name)}", value?.ToString());
            }
        }

        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            errorType = e is UcsApiException api ? api.StatusCode.ToString(CultureInfo.InvariantCulture) : e.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", errorType);
            throw;
        }
        finally
        {
            if (activity is not null && call is not null)
            {
                activity.SetTag("http.response.status_code", call.Record.StatusCode);
                activity.SetTag("ucs.request_id", call.Record.RequestId);
                activity.SetTag("ucs.retry_count", Math.Max(0, call.Record.Attempts - 1));
            }

            telemetry.OperationDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("ucs.operation.id", operation.Id),
                new KeyValuePair<string, object?>("outcome", errorType is null ? "success" : "error"));
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private async Task<(FleetAnswer<T> Answer, IParseNode? Node)> SendForNodeAsync<T>(FleetOperation operation, RequestInformation request, CancellationToken cancellationToken)
    {
        var capture = new AnswerCapture();
        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = capture }]);
        await adapter.SendNoContentAsync(request, errorMapping: null, cancellationToken).ConfigureAwait(false);
        var answer = capture.Answer<T>();
        if (answer.Body.IsEmpty)
        {
            return operation.AnswerRequired ? throw answer.Unusable("the body is empty") : (answer, null);
        }

        try
        {
            // The captured body is read in place: FleetAnswer keeps it as received for the operation's hook.
            using var stream = MemoryMarshal.TryGetArray(answer.Body, out var bytes)
                ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
                : new MemoryStream(answer.Body.ToArray(), writable: false);
            return (answer, await parseNodes.GetRootParseNodeAsync(parseNodes.ValidContentType, stream, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e) when (operation.AnswerRequired)
        {
            throw answer.Unusable($"the body is not JSON ({e.Message})", e);
        }
        catch (JsonException)
        {
            // The contract marks this answer optional (x-fleetgen-answer): a body that is not JSON carries nothing to read.
            return (answer, null);
        }
    }

    private static TValue Read<T, TValue>(FleetAnswer<T> answer, Func<TValue> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (UcsApiException or OperationCanceledException))
        {
            throw answer.Unusable($"the body could not be read as the contract's answer ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
