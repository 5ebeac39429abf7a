namespace FleetGen.Testing.Server;

/// <summary>Permission policies (rule ids) and the namespaces they apply to, as associated with a fleet or a cluster.</summary>
internal sealed record FakeRuleBinding(IReadOnlyList<string> RuleIds, IReadOnlyList<string> Namespaces)
{
    /// <summary>The bindings of an UpdateClusterGroupAssociatedRules or UpdateClusterRules body.</summary>
    public static IReadOnlyList<FakeRuleBinding> From(Contract.UpdateAssociatedRulesRequestBody? body) =>
        body?.RuleIDNamespaces?.Where(r => r is not null).Select(r => new FakeRuleBinding([.. r.RuleIDs ?? []], [.. r.Namespaces ?? []])).ToList() ?? [];
}
