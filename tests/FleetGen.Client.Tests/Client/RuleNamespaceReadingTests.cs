using FleetGen.Client.Tests.Support;

namespace FleetGen.Client.Tests.Client;

/// <summary>
/// A fleet's <c>spec.ruleNamespaces</c> comes as namespace names (the SDKs' and the reference's reading) or as objects
/// with the rules and their namespaces (the live API's): both are kept, through ShowClusterGroup and the fleet list.
/// </summary>
public sealed class RuleNamespaceReadingTests
{
    private const string AsObjects = """
        {"metadata":{"uid":"f1","name":"prod"},"spec":{"ruleNamespaces":[{"rules":[{"ruleID":"r-1","ruleName":"readonly"}],"namespaces":["default","apps"]},"legacy"]}}
        """;

    private const string AsNames = """
        {"metadata":{"uid":"f2","name":"dev"},"spec":{"ruleNamespaces":["default","apps"]}}
        """;

    [Fact]
    public async Task A_fleet_keeps_its_rule_namespaces_when_they_come_as_objects()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, AsObjects));
        using var client = new FleetClient(ClientFixture.Options(server));

        var fleet = await client.Fleet.ShowClusterGroupAsync("f1");

        var bindings = fleet.Spec!.GetRuleNamespaces();
        Assert.Equal(2, bindings.Count);
        Assert.Equal(["default", "apps"], bindings[0].Namespaces!);
        Assert.Equal(("r-1", "readonly"), (bindings[0].Rules![0].RuleID, bindings[0].Rules![0].RuleName));
        Assert.Equal(["legacy"], bindings[1].Namespaces!);
        Assert.Null(bindings[1].Rules);
    }

    [Fact]
    public async Task Namespace_names_read_as_bindings_of_one_namespace_without_rules()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, AsNames));
        using var client = new FleetClient(ClientFixture.Options(server));

        var fleet = await client.Fleet.ShowClusterGroupAsync("f2");

        Assert.Equal(["default", "apps"], fleet.Spec!.RuleNamespaces!);
        Assert.Equal([["default"], ["apps"]], fleet.Spec.GetRuleNamespaces().Select(b => b.Namespaces!.ToArray()));
    }

    [Fact]
    public async Task Every_fleet_of_a_list_page_keeps_its_reading()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(200, $$"""{"items":[{{AsObjects}},{{AsNames}}],"total":2}"""));
        using var client = new FleetClient(ClientFixture.Options(server));

        var fleets = new List<Models.ClusterGroup>();
        await foreach (var fleet in client.Fleet.ListClusterGroupItemsAsync())
        {
            fleets.Add(fleet);
        }

        Assert.Equal(["r-1"], fleets[0].Spec!.GetRuleNamespaces().SelectMany(b => b.Rules ?? []).Select(r => r.RuleID));
        Assert.Equal([["default"], ["apps"]], fleets[1].Spec!.GetRuleNamespaces().Select(b => b.Namespaces!.ToArray()));
    }
}
