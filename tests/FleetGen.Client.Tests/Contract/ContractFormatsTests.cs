using System.Text.Json.Nodes;
using FleetGen.Client.Validation;

namespace FleetGen.Client.Tests.Contract;

/// <summary>Each format JSON Schema defines, and OpenAPI's integer and byte formats, accept a valid value and refuse an invalid one.</summary>
public sealed class ContractFormatsTests
{
    [Theory]
    [InlineData("date-time", "2026-01-02T03:04:05.123+01:00", "2026-01-02 03:04:05")]
    [InlineData("date", "2026-02-28", "2026-02-30")]
    [InlineData("time", "23:59:59Z", "24:00:00")]
    [InlineData("duration", "P1DT2H30M", "1 day")]
    [InlineData("email", "ops@example.com", "ops at example.com")]
    [InlineData("idn-email", "bücher@example.com", "@example.com")]
    [InlineData("hostname", "api.example.com", "api_example.com")]
    [InlineData("idn-hostname", "bücher.example", "-bad-.example")]
    [InlineData("ipv4", "192.168.0.1", "192.168.0.256")]
    [InlineData("ipv6", "2001:db8::1", "192.168.0.1")]
    [InlineData("uri", "https://example.com/a?b=c", "/relative/only")]
    [InlineData("uri-reference", "../relative", "has space")]
    [InlineData("iri", "https://example.com/bücher", "bücher")]
    [InlineData("iri-reference", "bücher/1", "a b")]
    [InlineData("uuid", "0b7e1c52-0000-4000-8000-0000000000aa", "0b7e1c52")]
    [InlineData("uri-template", "/users/{id}", "/users/{id")]
    [InlineData("json-pointer", "/a/b~1c", "a/b")]
    [InlineData("relative-json-pointer", "1/a", "/a")]
    [InlineData("regex", "^[a-z]+$", "([a-z")]
    [InlineData("byte", "AAEC/w==", "not base64!")]
    public void A_valid_value_passes_and_an_invalid_one_is_named_with_the_format(string format, string valid, string invalid)
    {
        var schema = new ContractSchema { Type = ContractTypes.String, Format = format };

        Assert.Empty(Violations(JsonValue.Create(valid), schema));
        Assert.Equal($"field: \"{invalid}\" {ContractFormats.Describe(format)}", Assert.Single(Violations(JsonValue.Create(invalid), schema)).ToString());
    }

    [Theory]
    [InlineData("int32", 2147483647d, 2147483648d)]
    [InlineData("int64", -9.2e18, 9.3e18)]
    public void An_integer_format_refuses_a_number_outside_its_range(string format, double valid, double invalid)
    {
        var schema = new ContractSchema { Type = ContractTypes.Integer, Format = format };

        Assert.Empty(Violations(JsonValue.Create(valid), schema));
        Assert.Contains(ContractFormats.Describe(format), Assert.Single(Violations(JsonValue.Create(invalid), schema)).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void MultipleOf_is_exact_for_decimal_fractions()
    {
        var schema = new ContractSchema { Type = ContractTypes.Number, MultipleOf = 0.1m };

        Assert.Empty(Violations(JsonValue.Create(0.3), schema));
        Assert.Equal("field: \"0.35\" must be a multiple of 0.1", Assert.Single(Violations(JsonValue.Create(0.35), schema)).ToString());
    }

    [Fact]
    public void A_closed_object_refuses_a_property_the_contract_does_not_name_and_not_refuses_its_schema()
    {
        var closed = new ContractSchema { Type = ContractTypes.Object, Closed = true, Properties = new Dictionary<string, ContractSchema> { ["a"] = new() } };
        var not = new ContractSchema { Not = new ContractSchema { Type = ContractTypes.String } };

        Assert.Equal("field.b: is not a property the contract allows (additionalProperties: false)", Assert.Single(Violations(JsonNode.Parse("""{"a":1,"b":2}"""), closed)).ToString());
        Assert.Equal("field: \"x\" must not match the contract's not schema", Assert.Single(Violations(JsonValue.Create("x"), not)).ToString());
    }

    [Fact]
    public void ReadOnly_properties_are_removed_from_a_body_at_every_depth()
    {
        var item = new ContractSchema { Type = ContractTypes.Object, Properties = new Dictionary<string, ContractSchema> { ["id"] = new() { ReadOnly = true }, ["name"] = new() } };
        var schema = new ContractSchema
        {
            Type = ContractTypes.Object,
            Properties = new Dictionary<string, ContractSchema> { ["created"] = new() { ReadOnly = true }, ["items"] = new() { Items = new() { Reference = () => item } } },
        };
        var body = JsonNode.Parse("""{"created":"x","items":[{"id":1,"name":"a"},{"name":"b"}]}""");

        Assert.True(ContractValidator.RemoveReadOnly(body, schema));
        Assert.Equal("""{"items":[{"name":"a"},{"name":"b"}]}""", body!.ToJsonString());
        Assert.False(ContractValidator.RemoveReadOnly(body, schema));
    }

    private static List<ContractViolation> Violations(JsonNode? value, ContractSchema schema)
    {
        var violations = new List<ContractViolation>();
        ContractValidator.Check(value, schema, "field", required: true, violations);
        return violations;
    }
}
