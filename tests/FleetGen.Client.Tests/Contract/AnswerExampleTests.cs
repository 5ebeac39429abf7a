using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Operations;
using FleetGen.Client.Tests.Support;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.OpenApi;
using Xunit.Abstractions;

namespace FleetGen.Client.Tests.Contract;

/// <summary>
/// Every success answer the contract documents (each <c>example</c> and <c>examples</c> entry of a 2xx or default
/// response with JSON content) survives Kiota: read with its JSON parse node into the model the façade returns for that
/// operation and written back with its JSON serialization writer, it is the same JSON, and no field of it is kept only
/// as additional data. A reading the contract accepts but the generated models lose shows here by operation, example
/// and JSON path.
/// </summary>
public sealed class AnswerExampleTests
{
    public static TheoryData<AnswerExample> Examples() => new(AnswerExamples());

    /// <summary>The success answer examples of the contract, in its order.</summary>
    private static IEnumerable<AnswerExample> AnswerExamples()
    {
        var document = ContractDocument.LoadAsync().GetAwaiter().GetResult();
        foreach (var (_, item) in document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                foreach (var (status, response) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2') || r.Key == "default"))
                {
                    foreach (var (_, content) in (response.Content ?? new Dictionary<string, IOpenApiMediaType>()).Where(c => c.Key.Split(';')[0].Trim() == "application/json"))
                    {
                        if (content.Example is { } example)
                        {
                            yield return new AnswerExample(operation.OperationId!, status, "example", example.ToJsonString());
                        }

                        foreach (var (name, named) in content.Examples ?? new Dictionary<string, IOpenApiExample>())
                        {
                            yield return new AnswerExample(operation.OperationId!, status, name, named.Value?.ToJsonString() ?? "null");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_answer_example_reads_into_the_facade_model_and_writes_back_unchanged(AnswerExample example)
    {
        var problems = RoundTrip(example);

        if (KnownAnswerLosses.Of(example.ToString()) is { } known)
        {
            Assert.Equal(known, problems);
        }
        else
        {
            Assert.True(problems.Count == 0, $"{example}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    [Fact]
    public void Every_known_loss_names_an_answer_example_of_the_contract()
    {
        var rows = AnswerExamples().Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], KnownAnswerLosses.Names.Where(n => !rows.Contains(n)));
    }

    /// <summary>What reading the example into the façade's model and writing it back lost or changed, one line each.</summary>
    private static List<string> RoundTrip(AnswerExample example)
    {
        var method = FacadeMethod(example.OperationId);
        if (method is null)
        {
            return [$"the façade has no method {example.OperationId}Async"];
        }

        var expected = JsonNode.Parse(example.Json);
        var returned = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        if (returned is null)
        {
            // An operation whose façade returns nothing may document an answer that says nothing ({} or "").
            return expected is JsonObject { Count: 0 } || expected?.ToJsonString() == "\"\""
                ? []
                : [$"the façade's {method.DeclaringType!.Name}.{method.Name} returns no answer, so the documented one is dropped"];
        }

        object? model;
        try
        {
            model = Read(returned, example.Json);
        }
        catch (Exception e) when (e is not TargetInvocationException)
        {
            return [$"$: reading into {Name(returned)} threw {e.GetType().Name}: {e.Message}"];
        }
        catch (TargetInvocationException e)
        {
            return [$"$: reading into {Name(returned)} threw {e.InnerException!.GetType().Name}: {e.InnerException.Message}"];
        }

        var problems = UnmappedModelFields.In(model, "$").ToList();
        problems.AddRange(JsonDifferences.Between(expected, Write(model)).Select(d => d.Replace("sent", "written back", StringComparison.Ordinal)));
        return problems;
    }

    /// <summary>The façade group method of the operation (<c>client.{Group}.{OperationId}Async</c>).</summary>
    private static MethodInfo? FacadeMethod(string operationId) =>
        typeof(FleetClient).GetProperties()
            .Select(p => p.PropertyType)
            .Where(t => t.Name.EndsWith("Operations", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .SingleOrDefault(m => string.Equals(m.Name, operationId + "Async", StringComparison.OrdinalIgnoreCase));

    private static object? Read(Type type, string json)
    {
        var node = new JsonParseNode(JsonDocument.Parse(json).RootElement.Clone());
        if (type == typeof(string))
        {
            return node.GetStringValue();
        }

        var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        var reader = (item, typeof(IParsable).IsAssignableFrom(item ?? type)) switch
        {
            (null, true) => nameof(ReadObject),
            (null, false) => throw new NotSupportedException($"the façade returns {Name(type)}, which the test cannot read"),
            (_, true) => nameof(ReadObjects),
            (_, false) => nameof(ReadPrimitives),
        };
        return typeof(AnswerExampleTests).GetMethod(reader, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(item ?? type).Invoke(null, [node]);
    }

    private static T? ReadObject<T>(JsonParseNode node)
        where T : IParsable => node.GetObjectValue(Factory<T>());

    private static List<T> ReadObjects<T>(JsonParseNode node)
        where T : IParsable => node.GetCollectionOfObjectValues(Factory<T>()).ToList();

    private static List<T> ReadPrimitives<T>(JsonParseNode node) => node.GetCollectionOfPrimitiveValues<T>().ToList();

    private static ParsableFactory<T> Factory<T>()
        where T : IParsable =>
        typeof(T).GetMethod("CreateFromDiscriminatorValue", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<ParsableFactory<T>>();

    private static JsonNode? Write(object? model)
    {
        using var writer = new JsonSerializationWriter();
        switch (model)
        {
            case null:
                writer.WriteNullValue(null);
                break;
            case string text:
                writer.WriteStringValue(null, text);
                break;
            case IParsable parsable:
                writer.WriteObjectValue(null, parsable);
                break;
            case System.Collections.IEnumerable items when items.Cast<object?>().All(i => i is IParsable):
                writer.WriteCollectionOfObjectValues(null, items.Cast<IParsable>());
                break;
            case System.Collections.IEnumerable items:
                writer.WriteCollectionOfPrimitiveValues(null, items.Cast<object?>());
                break;
        }

        using var content = writer.GetSerializedContent();
        return JsonNode.Parse(content);
    }

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;
}

/// <summary>One success answer example of the contract: the operation, its status, the example's name and its JSON.</summary>
public sealed class AnswerExample : IXunitSerializable
{
    [Obsolete("For xUnit's deserialization only.")]
    public AnswerExample()
    {
    }

    public AnswerExample(string operationId, string status, string name, string json) =>
        (OperationId, Status, Name, Json) = (operationId, status, name, json);

    public string OperationId { get; private set; } = string.Empty;

    public string Status { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Json { get; private set; } = string.Empty;

    public void Deserialize(IXunitSerializationInfo info) =>
        (OperationId, Status, Name, Json) = (info.GetValue<string>(nameof(OperationId)), info.GetValue<string>(nameof(Status)), info.GetValue<string>(nameof(Name)), info.GetValue<string>(nameof(Json)));

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(OperationId), OperationId);
        info.AddValue(nameof(Status), Status);
        info.AddValue(nameof(Name), Name);
        info.AddValue(nameof(Json), Json);
    }

    public override string ToString() => $"{OperationId} {Status} {Name}";
}
