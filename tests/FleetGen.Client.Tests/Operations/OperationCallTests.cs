using System.Text;
using System.Text.Json.Nodes;
using FleetGen.Client.Models;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Operations;

/// <summary>The checks behind the generated wire tests: what they accept and what they report, by JSON path.</summary>
public sealed class OperationCallTests
{
    [Fact]
    public void Key_order_number_spelling_and_the_spelling_of_an_instant_are_no_difference()
    {
        var differences = JsonDifferences.Between(
            JsonNode.Parse("""{"a":1,"t":"2023-07-31T13:20:02Z","l":[1,"x"]}"""),
            JsonNode.Parse("""{"l":[1.0,"x"],"t":"2023-07-31T13:20:02.000+00:00","a":1.0}"""));

        Assert.Empty(differences);
    }

    [Fact]
    public void A_dropped_a_renamed_and_a_changed_field_are_each_named_by_their_JSON_path()
    {
        var differences = JsonDifferences.Between(
            JsonNode.Parse("""{"spec":{"ids":["x"],"name":"n","size":2,"at":"2023-07-31T13:20:02Z"}}"""),
            JsonNode.Parse("""{"spec":{"ids":[],"Name":"n","size":"2","at":"2023-07-31T13:20:03Z"}}"""));

        Assert.Equal(
            [
                "$.spec.ids: 0 items sent, the example has 1",
                "$.spec.name: in the example, not sent",
                "$.spec.size: sent \"2\", the example has 2",
                "$.spec.at: sent \"2023-07-31T13:20:03Z\", the example has \"2023-07-31T13:20:02Z\"",
                "$.spec.Name: sent (\"n\"), not in the example",
            ],
            differences);
    }

    [Fact]
    public void A_field_the_example_leaves_out_may_be_sent_only_with_its_documented_default()
    {
        var defaults = new Dictionary<string, JsonNode?> { ["$.spec.priority"] = JsonNode.Parse("0") };

        Assert.Empty(JsonDifferences.Between(JsonNode.Parse("""{"spec":{}}"""), JsonNode.Parse("""{"spec":{"priority":0}}"""), defaults));
        Assert.Equal(
            ["$.spec.priority: sent (1), not in the example"],
            JsonDifferences.Between(JsonNode.Parse("""{"spec":{}}"""), JsonNode.Parse("""{"spec":{"priority":1}}"""), defaults));
    }

    [Fact]
    public void Every_part_of_a_request_that_differs_from_the_contract_is_reported_and_so_is_an_example_field_no_model_property_reads()
    {
        var call = new OperationCall("UpgradeThing", "PUT", "/v1/things/{id}", ["200"]);
        call.Path("id", "a/b");
        call.Query("limit", "10");
        call.Header("X-Zone-ID", "zone-1");
        var body = call.Body("""{"targetVersion":"v1.4.0","target_version":"v1.5.0"}""", UpgradeFederationRequestBody.CreateFromDiscriminatorValue);
        var sent = new FakeUcsRequest("r-1", "POST", "/v1/things/a/b?limit=11", new Dictionary<string, string> { ["X-Auth-Token"] = "other" }, Encoding.UTF8.GetBytes("{}"));

        var differences = call.Differences(sent, "token-1");

        Assert.Equal("v1.4.0", body.TargetVersion);
        Assert.Equal(
            [
                "method: POST, the contract says PUT",
                "path: /v1/things/a/b, the contract with the examples gives /v1/things/a%2Fb",
                "query: limit=11, the contract with the examples gives limit=10",
                "header X-Zone-ID: not sent, the contract with the examples gives \"zone-1\"",
                "header X-Auth-Token: \"other\", the contract with the examples gives \"token-1\"",
                "body $: the example's field(s) target_version match no property of UpgradeFederationRequestBody (kept only as additional data)",
                "header Content-Type: not sent, the contract says application/json",
                "body $.targetVersion: in the example, not sent",
                "body $.target_version: in the example, not sent",
            ],
            differences);
    }

    [Fact]
    public void A_request_as_the_contract_says_has_no_difference()
    {
        var call = new OperationCall("UpgradeThing", "PUT", "/v1/things/{id}", ["200"]);
        call.Path("id", "a/b");
        call.Query("ids", "x", "y");
        call.Body("""{"targetVersion":"v1.4.0"}""", UpgradeFederationRequestBody.CreateFromDiscriminatorValue);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-auth-token"] = "token-1", ["content-type"] = "application/json; charset=utf-8" };
        var sent = new FakeUcsRequest("r-1", "PUT", "/v1/things/a%2Fb?ids=y&ids=x", headers, Encoding.UTF8.GetBytes("""{ "targetVersion": "v1.4.0" }"""));

        Assert.Empty(call.Differences(sent, "token-1"));
    }
}
