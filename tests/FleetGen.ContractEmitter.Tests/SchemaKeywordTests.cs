namespace FleetGen.ContractEmitter.Tests;

/// <summary>Each validation keyword of a contract reaches the operation table the validator runs on.</summary>
public sealed class SchemaKeywordTests
{
    private const string Pets = """
        PetBase:
          type: object
          required: [id, name, petType]
          properties:
            id:
              type: string
              readOnly: true
            name:
              type: string
            petType:
              type: string
        Cat:
          allOf:
            - $ref: "#/components/schemas/PetBase"
            - type: object
              properties:
                lives:
                  type: integer
        Dog:
          allOf:
            - $ref: "#/components/schemas/PetBase"
            - type: object
              properties:
                packSize:
                  type: integer
        """;

    [Fact]
    public async Task AllOf_composition_and_inheritance_are_emitted_as_branches_every_value_must_match()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("$ref: \"#/components/schemas/Cat\"", Pets));

        Assert.Empty(emitted.Problems);
        Assert.Contains("SchemaCat = new ContractSchema { AllOf = [new ContractSchema { Reference = static () => SchemaPetBase! }, new ContractSchema { Type = ContractTypes.Object, Properties = new global::System.Collections.Generic.Dictionary<string, ContractSchema> { [\"lives\"] = new ContractSchema { Type = ContractTypes.Integer } } }] };", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_oneOf_discriminator_with_a_mapping_selects_the_branch_by_its_value()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("""
            oneOf:
              - $ref: "#/components/schemas/Cat"
              - $ref: "#/components/schemas/Dog"
            discriminator:
              propertyName: petType
              mapping:
                kitty: "#/components/schemas/Cat"
            """, Pets));

        Assert.Empty(emitted.Problems);
        var body = emitted.Line("Discriminator = ");
        Assert.Contains("Discriminator = \"petType\", Mapping = new global::System.Collections.Generic.Dictionary<string, ContractSchema> { [\"Dog\"] = new ContractSchema { Reference = static () => SchemaDog }, [\"kitty\"] = new ContractSchema { Reference = static () => SchemaCat } }", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discriminator_on_a_base_schema_maps_the_schemas_that_extend_it_by_allOf()
    {
        var schemas = Pets.Replace("""
            PetBase:
              type: object
            """, """
            PetBase:
              type: object
              discriminator:
                propertyName: petType
            """, StringComparison.Ordinal);

        var emitted = await Emitted.TableAsync(Emitted.WithBody("$ref: \"#/components/schemas/PetBase\"", schemas));

        Assert.Empty(emitted.Problems);
        Assert.Contains("Discriminator = \"petType\", Mapping = new global::System.Collections.Generic.Dictionary<string, ContractSchema> { [\"Cat\"] = new ContractSchema { Reference = static () => SchemaCat! }, [\"Dog\"] = new ContractSchema { Reference = static () => SchemaDog! } }", emitted.Line("SchemaPetBase = "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOf_and_not_are_emitted()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("""
            anyOf:
              - type: string
                maxLength: 3
              - type: integer
            not:
              type: boolean
            """));

        Assert.Empty(emitted.Problems);
        Assert.Contains("new ContractSchema { AnyOf = [new ContractSchema { Type = ContractTypes.String, MaxLength = 3 }, new ContractSchema { Type = ContractTypes.Integer }], Not = new ContractSchema { Type = ContractTypes.Boolean } }", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultipleOf_uniqueItems_minProperties_maxProperties_and_a_closed_object_are_emitted()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("""
            type: object
            minProperties: 1
            maxProperties: 3
            additionalProperties: false
            properties:
              step:
                type: number
                multipleOf: 0.25
              tags:
                type: array
                uniqueItems: true
                items:
                  type: string
            """));

        Assert.Empty(emitted.Problems);
        Assert.Contains("new ContractSchema { Type = ContractTypes.Object, MinProperties = 1, MaxProperties = 3, Properties = new global::System.Collections.Generic.Dictionary<string, ContractSchema> { [\"step\"] = new ContractSchema { Type = ContractTypes.Number, MultipleOf = 0.25m }, [\"tags\"] = new ContractSchema { Type = ContractTypes.Array, UniqueItems = true, Items = new ContractSchema { Type = ContractTypes.String } } }, Closed = true }", emitted.Table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date-time")]
    [InlineData("date")]
    [InlineData("time")]
    [InlineData("duration")]
    [InlineData("email")]
    [InlineData("idn-email")]
    [InlineData("hostname")]
    [InlineData("idn-hostname")]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    [InlineData("uri")]
    [InlineData("uri-reference")]
    [InlineData("iri")]
    [InlineData("iri-reference")]
    [InlineData("uuid")]
    [InlineData("uri-template")]
    [InlineData("json-pointer")]
    [InlineData("relative-json-pointer")]
    [InlineData("regex")]
    [InlineData("byte")]
    public async Task A_format_JSON_Schema_defines_is_checked_without_warning(string format)
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody($"type: string\nformat: {format}"));

        Assert.Empty(emitted.Problems);
        Assert.Empty(emitted.Warnings);
        Assert.Contains($"new ContractSchema {{ Type = ContractTypes.String, Format = \"{format}\" }}", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_no_standard_defines_is_one_warning_naming_every_place_and_is_not_checked()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("""
            type: object
            properties:
              home:
                type: string
                format: phone-number
              work:
                type: string
                format: phone-number
              fax:
                type: string
                format: password
            """));

        Assert.Empty(emitted.Problems);
        var warning = Assert.Single(emitted.Warnings);
        Assert.Equal("paths./things.post.requestBody.properties.home: format \"phone-number\" is defined by neither JSON Schema nor OpenAPI, so it is an annotation and not checked (also at paths./things.post.requestBody.properties.work)", warning);
        Assert.DoesNotContain("phone-number", emitted.Table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readOnly_property_is_marked_and_left_out_of_required()
    {
        var emitted = await Emitted.TableAsync(Emitted.WithBody("$ref: \"#/components/schemas/PetBase\"", Pets));

        Assert.Contains("SchemaPetBase = new ContractSchema { Type = ContractTypes.Object, Properties = new global::System.Collections.Generic.Dictionary<string, ContractSchema> { [\"id\"] = new ContractSchema { Type = ContractTypes.String, ReadOnly = true }, [\"name\"] = new ContractSchema { Type = ContractTypes.String }, [\"petType\"] = new ContractSchema { Type = ContractTypes.String } }, Required = [\"name\", \"petType\"] };", emitted.Table, StringComparison.Ordinal);
    }
}
