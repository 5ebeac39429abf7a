namespace FleetGen.ContractEmitter.Tests;

/// <summary>What the x-fleetgen extensions the whole UCS contract needs do to the operation table.</summary>
public sealed class ContractExtensionTests
{
    [Fact]
    public async Task A_get_marked_not_idempotent_is_retried_only_where_nothing_was_sent_and_a_post_marked_idempotent_like_a_get()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document("""
            /secrets:
              get:
                operationId: download-once
                x-fleetgen-idempotent: false
                responses:
                  "204":
                    description: None
              post:
                operationId: lookup
                x-fleetgen-idempotent: true
                responses:
                  "204":
                    description: None
            """));

        Assert.Empty(emitted.Problems);
        Assert.Contains("\"download-once\",\n            \"GET\",\n            \"/secrets\",\n            FleetRetryPolicy.NotIdempotent,", emitted.Table, StringComparison.Ordinal);
        Assert.Contains("\"lookup\",\n            \"POST\",\n            \"/secrets\",\n            FleetRetryPolicy.Idempotent,", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Properties_with_the_same_known_values_share_one_class_named_in_pascal_case()
    {
        var emitted = await Emitted.TableAsync(Emitted.Document(
            """
            /things:
              get:
                operationId: list-things
                responses:
                  "204":
                    description: None
            """,
            """
            Thing:
              type: object
              properties:
                state:
                  type: string
                  x-fleetgen-known-values:
                    ThingState: [ready, static]
            OtherThing:
              type: object
              properties:
                phase:
                  type: string
                  x-fleetgen-known-values:
                    ThingState: [ready, static]
            """));

        Assert.Empty(emitted.Problems);
        Assert.Single(emitted.Contract.KnownValues);
        Assert.Contains("public const string Static = \"static\";", emitted.Table, StringComparison.Ordinal);
        Assert.Contains("<c>OtherThing.phase, Thing.state</c>", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_class_name_with_two_value_lists_is_refused_naming_both_places()
    {
        var contract = await Emitted.LoadAsync(Emitted.Document(
            """
            /things:
              get:
                operationId: list-things
                responses:
                  "204":
                    description: None
            """,
            """
            Thing:
              type: object
              properties:
                state:
                  type: string
                  x-fleetgen-known-values:
                    ThingState: [ready]
                phase:
                  type: string
                  x-fleetgen-known-values:
                    ThingState: [ready, gone]
            """));

        var problem = Assert.Single(contract.Problems);
        Assert.Contains("components.schemas.Thing.properties.state.x-fleetgen-known-values", problem, StringComparison.Ordinal);
        Assert.Contains("components.schemas.Thing.properties.phase.x-fleetgen-known-values", problem, StringComparison.Ordinal);
        Assert.Contains("ThingState is given more than once with different values", problem, StringComparison.Ordinal);
    }
}
