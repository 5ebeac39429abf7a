namespace FleetGen.Client.Tests.Contract;

/// <summary>
/// The answer readings the contract accepts that Kiota's generated models cannot keep (a Kiota limitation, with the
/// reason), by answer example, with the exact lines <see cref="AnswerExampleTests"/> reports. Such a row passes while
/// exactly these lines come out, and fails as soon as they change: a fix makes it fail until its entry is deleted.
/// </summary>
internal static class KnownAnswerLosses
{
    private static readonly Dictionary<string, string[]> Losses = new(StringComparer.Ordinal)
    {
        // Kiota 1.38 turns an array whose items are oneOf/anyOf a string and an object into a list of strings, whatever
        // the items' schema is named or ordered (checked: inline, named component, oneOf, anyOf, either order): the object
        // reading reads as null. Only a non-array property of such a schema gets a composed wrapper. The fleet operations
        // read a fleet's rule namespaces from the answer themselves (ClusterGroupSpec.GetRuleNamespaces;
        // RuleNamespaceReadingTests shows it); ShowClusterAccessInfo's manifests as objects stay lost.
        ["ShowClusterGroup 200 LiveApiRuleNamespaces"] =
        [
            "$.spec.ruleNamespaces[0]: written back null, the example has {\"rules\":[{\"ruleID\":\"8b2d1c6e-3f4a-4b5c-9d7e-0a1b2c3d4e5f\",\"ruleName\":\"readonly\"}],\"namespaces\":[\"default\",\"apps\"]}",
        ],
        ["ShowClusterAccessInfo 200 Manifests"] =
        [
            "$[0]: written back null, the example has {\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"proxy-agent\",\"namespace\":\"kube-system\",\"labels\":{\"app\":\"proxy-agent\"}},\"spec\":{\"replicas\":2}}",
            "$[1]: written back null, the example has {\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"proxy-agent-cert\",\"namespace\":\"kube-system\"},\"type\":\"Opaque\",\"data\":{\"ca.crt\":\"{ca crt}\",\"proxy-agent.crt\":\"{proxy-agent crt}\",\"proxy-agent.key\":\"{proxy-agent key}\"}}",
        ],

        // The composed type of an object and an array reads the array first, and Kiota's JSON parse node reads any value
        // as a collection (empty when it is not an array, never null), so the object member is never read
        // (microsoft/kiota#3976; kiota-dotnet#174, which would return null, is not merged). The façade reads it back in
        // its answer hook (WorkloadOperations.ShowProxyUnitedWorkload.cs; FakeWorkloadOperationTests shows it).
        ["ShowProxyUnitedWorkload 200 Object"] =
        [
            "$: written back [], the example has {\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"nginx\",\"namespace\":\"default\"},\"propagationPolicy\":{\"kind\":\"PropagationPolicy\",\"spec\":{\"placement\":{\"clusterAffinity\":{\"clusterNames\":[\"member-1\",\"member-2\"]}}}},\"resourceBinding\":{\"kind\":\"ResourceBinding\",\"spec\":{\"replicas\":2,\"clusters\":[{\"name\":\"member-1\",\"replicas\":\"1\"},{\"name\":\"member-2\",\"replicas\":\"1\"}]}}}",
        ],
    };

    public static IEnumerable<string> Names => Losses.Keys;

    /// <summary>The known loss of the answer example named <paramref name="example"/>, if it has one.</summary>
    public static IReadOnlyList<string>? Of(string example) => Losses.GetValueOrDefault(example);
}
