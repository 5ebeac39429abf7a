using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FleetGen.Client;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// The account's permission policies (rules): created up to the rule quota (400 UCS.00000017 beyond it), listed a page
/// at a time, their spec replaced, deleted; an unknown id is 404 UCS.00000013. Thread-safe.
/// </summary>
internal sealed class FakePermissionRules(TimeProvider clock)
{
    private static readonly JsonSerializerOptions AnswerJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly List<FakeRule> rules = [];
    private long sequence;

    public int Count
    {
        get
        {
            lock (rules)
            {
                return rules.Count;
            }
        }
    }

    public FakeOutcome<CreatedUid> Create(CreateRuleRequestBody body, long quota)
    {
        if (SpecRefusal(body.Spec) is { } refused)
        {
            return refused;
        }

        lock (rules)
        {
            if (rules.Count >= quota)
            {
                return new FakeRefusal(400, UcsErrorCodes.InsufficientQuota, $"Insufficient quota: the rule quota is {quota}.");
            }

            return new CreatedUid { Uid = Add(body.Metadata.Name, body.Spec).Uid };
        }
    }

    /// <summary>Adds a rule without the quota check (seeding from tests), with <paramref name="uid"/> when given (replacing the rule that has it).</summary>
    public string Seed(string name, RuleSpec spec, string? uid = null)
    {
        lock (rules)
        {
            if (uid is not null)
            {
                rules.RemoveAll(r => r.Uid == uid);
            }

            return Add(name, spec, uid).Uid;
        }
    }

    public FakeOutcome<JsonObject> List(int? limit, int? offset, Order_by? orderBy, Order? order)
    {
        if (FakePage.Refusal(limit, offset) is { } refused)
        {
            return refused;
        }

        lock (rules)
        {
            var page = FakePage.Of(rules, limit, offset, orderBy, order);
            return new JsonObject { ["items"] = new JsonArray(page.Select(r => (JsonNode)Answer(r)).ToArray()), ["total"] = rules.Count };
        }
    }

    public FakeRefusal? Update(string uid, UpdateRuleRequestBody body)
    {
        if (body.Spec is null)
        {
            return FakeRefusal.BadBody("spec", "is required");
        }

        // The documented update example (every edition) sends type custom without contents: absent contents keep the
        // current ones (none when the policy was of a preset type).
        var keepsContents = body.Spec is { Type: RuleSpecType.Custom, Contents: null or { Count: 0 } };
        if (!keepsContents && SpecRefusal(body.Spec) is { } refused)
        {
            return refused;
        }

        lock (rules)
        {
            if (rules.Find(r => r.Uid == uid) is not { } rule)
            {
                return FakeRefusal.NotFound($"permission policy {uid}");
            }

            var current = rule.Spec;
            rule.Spec = Normalized(body.Spec);
            if (keepsContents)
            {
                rule.Spec.Contents = current.Contents;
            }

            rule.Updated = clock.GetUtcNow();
            return null;
        }
    }

    public FakeRefusal? Delete(string uid)
    {
        lock (rules)
        {
            return rules.RemoveAll(r => r.Uid == uid) == 0 ? FakeRefusal.NotFound($"permission policy {uid}") : null;
        }
    }

    public IReadOnlyList<FakePermissionRule> Snapshot()
    {
        lock (rules)
        {
            return rules.OrderBy(r => r.Sequence).Select(r => new FakePermissionRule(r.Uid, r.Name, Spelling(r.Spec.Type), r.Spec.IamUserIDs?.ToList() ?? [])).ToList();
        }
    }

    private FakeRule Add(string name, RuleSpec spec, string? uid = null)
    {
        var now = clock.GetUtcNow();
        var rule = new FakeRule(uid ?? Guid.NewGuid().ToString(), name, ++sequence, now) { Spec = Normalized(spec), Updated = now };
        rules.Add(rule);
        return rule;
    }

    /// <summary>Preset types carry no contents; a custom policy needs them (the contract's RuleSpec.contents).</summary>
    private static FakeRefusal? SpecRefusal(RuleSpec spec) => (spec.Type, spec.Contents is { Count: > 0 }) switch
    {
        (RuleSpecType.Custom, false) => FakeRefusal.BadBody("spec.contents", "is required for type custom"),
        (not RuleSpecType.Custom, true) => FakeRefusal.BadBody("spec.contents", $"is only for type custom, not {Spelling(spec.Type)}"),
        _ => null,
    };

    /// <summary>The older spelling iamuserids is taken as iamUserIDs, the spelling answers use.</summary>
    private static RuleSpec Normalized(RuleSpec spec) => new()
    {
        IamUserIDs = [.. spec.IamUserIDs ?? [], .. spec.Iamuserids ?? []],
        Type = spec.Type,
        Contents = spec.Contents,
        Description = spec.Description,
    };

    private static JsonObject Answer(FakeRule rule)
    {
        var answer = JsonSerializer.SerializeToNode(
            new Rule
            {
                Kind = "Rule",
                ApiVersion = "v1",
                Metadata = new ObjectMeta { Uid = rule.Uid, Name = rule.Name, CreationTimestamp = FakeTime.Rfc3339(rule.Created), UpdateTimestamp = FakeTime.Rfc3339(rule.Updated) },
                Spec = rule.Spec,
            },
            AnswerJson)!.AsObject();

        // The generated enum converter writes member names (Custom); the contract's values are lower case.
        answer["spec"]!["type"] = Spelling(rule.Spec.Type);
        return answer;
    }

    private static string Spelling(RuleSpecType type) => type.ToString().ToLowerInvariant();

    private sealed class FakeRule(string uid, string name, long sequence, DateTimeOffset created) : IFakeDated
    {
        public string Uid { get; } = uid;

        public string Name { get; } = name;

        public long Sequence { get; } = sequence;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset Updated { get; set; }

        public required RuleSpec Spec { get; set; }
    }
}
