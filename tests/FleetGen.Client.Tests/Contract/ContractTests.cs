using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetGen.Client.Tests.Support;
using Microsoft.OpenApi;

namespace FleetGen.Client.Tests.Contract;

public sealed class ContractTests
{
    [Fact]
    public async Task Spec_loads_without_any_error_or_warning()
    {
        var result = await ContractDocument.LoadAsync(Repo.Spec);

        Assert.NotNull(result.Document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic!.SpecificationVersion);
        Assert.Empty(result.Diagnostic.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Endpoint_is_described_as_documented()
    {
        var document = await ContractDocument.LoadAsync();
        var operation = await ContractDocument.CreateFederationCertAsync();

        Assert.Equal("CreateFederationCert", operation.OperationId);
        var pathParameter = Assert.Single(document.Paths["/v1/clustergroups/{clustergroupid}/cert"].Parameters!);
        Assert.Equal(("clustergroupid", ParameterLocation.Path, true, JsonSchemaType.String),
            (pathParameter.Name, pathParameter.In!.Value, pathParameter.Required, pathParameter.Schema!.Type!.Value));
        Assert.Equal(["X-Auth-Token"], operation.Parameters!.Where(p => p.In == ParameterLocation.Header).Select(p => p.Name!));
        Assert.Equal(["application/json"], operation.RequestBody!.Content!.Keys);
        Assert.True(operation.RequestBody!.Required);
        Assert.Equal(["201", "400", "401", "403", "404", "409", "429", "4XX", "500", "5XX"], operation.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["https://ucs-intl.myhuaweicloud.com", "https://ucs.myhuaweicloud.com"],
            document.Servers!.Select(s => s.Url!).Order());
        Assert.Equal(
            [("X-Auth-Token", SecuritySchemeType.ApiKey), ("Authorization", SecuritySchemeType.ApiKey)],
            document.Components!.SecuritySchemes!.Values.Select(s => (s.Name!, s.Type!.Value)));
    }

    [Fact]
    public async Task Request_body_schema_has_the_documented_fields_and_bounds()
    {
        var schema = (await ContractDocument.CreateFederationCertAsync()).RequestBody!.Content!["application/json"].Schema!;

        Assert.Equal(["duration", "projectID", "subnetID", "vpcID"], schema.Required!.Order(StringComparer.Ordinal));
        var duration = schema.Properties!["duration"];
        Assert.Equal(JsonSchemaType.Integer, duration.Type);
        Assert.Equal("1", duration.Minimum);
        Assert.Equal("1825", duration.Maximum);
    }

    [Fact]
    public async Task Kubeconfig_schema_uses_kubectl_json_names()
    {
        var schemas = (await ContractDocument.LoadAsync()).Components!.Schemas!;

        Assert.Equal(["apiVersion", "clusters", "contexts", "current-context", "kind", "users"], schemas["Kubeconfig"].Properties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["certificate-authority-data", "insecure-skip-tls-verify", "server"], schemas["ClusterCert"].Properties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["client-certificate-data", "client-key-data", "token"], schemas["AuthInfo"].Properties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["cluster", "user"], schemas["Context"].Properties!.Keys.Order(StringComparer.Ordinal));
        var skipTls = schemas["ClusterCert"].Properties!["insecure-skip-tls-verify"];
        // Microsoft.OpenApi reads the contract's oneOf of two primitive types as one schema of both types.
        Assert.Equal(JsonSchemaType.Boolean | JsonSchemaType.String, skipTls.Type);
    }

    [Fact]
    public async Task Documented_request_example_satisfies_the_schema()
    {
        var body = (await ContractDocument.CreateFederationCertAsync()).RequestBody!.Content!["application/json"];

        var violations = SchemaViolations(body.Schema!, DocumentedExamples.AsJsonText(body.Example!));

        Assert.Empty(violations);
        Assert.Equal(30, DocumentedExamples.AsJsonText(body.Example!)["duration"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("duration", 0)]
    [InlineData("duration", 1826)]
    [InlineData("projectID", "")]
    public async Task Bounds_check_rejects_a_value_outside_the_schema(string field, object value)
    {
        var body = (await ContractDocument.CreateFederationCertAsync()).RequestBody!.Content!["application/json"];
        var example = DocumentedExamples.AsJsonText(body.Example!);
        example[field] = JsonValue.Create(value);

        Assert.Contains(SchemaViolations(body.Schema!, example), v => v.StartsWith(field, StringComparison.Ordinal));
    }

    private static List<string> SchemaViolations(IOpenApiSchema schema, JsonNode instance)
    {
        var violations = new List<string>();
        var obj = instance.AsObject();
        foreach (var required in schema.Required ?? new HashSet<string>())
        {
            if (!obj.ContainsKey(required))
            {
                violations.Add($"{required}: required but missing");
            }
        }

        foreach (var (name, property) in schema.Properties!)
        {
            if (obj[name] is not JsonValue value)
            {
                continue;
            }

            switch (property.Type)
            {
                case JsonSchemaType.Integer when value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out _):
                    violations.Add($"{name}: not an integer");
                    break;
                case JsonSchemaType.Integer:
                    var number = value.GetValue<long>();
                    if (property.Minimum is { } min && number < long.Parse(min, CultureInfo.InvariantCulture))
                    {
                        violations.Add($"{name}: {number} is below the minimum {min}");
                    }
                    if (property.Maximum is { } max && number > long.Parse(max, CultureInfo.InvariantCulture))
                    {
                        violations.Add($"{name}: {number} is above the maximum {max}");
                    }
                    break;
                case JsonSchemaType.String when value.GetValueKind() != JsonValueKind.String:
                    violations.Add($"{name}: not a string");
                    break;
                case JsonSchemaType.String when value.GetValue<string>().Length < (property.MinLength ?? 0):
                    violations.Add($"{name}: shorter than {property.MinLength}");
                    break;
            }
        }

        return violations;
    }
}
