namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// What the wire tests found wrong and is not fixed yet, by test, with the exact lines the test reports. Such a test
/// passes while exactly these lines come out, and fails as soon as they change: a fix makes it fail until its entry
/// here is deleted, and any other difference still fails it.
/// </summary>
internal static class KnownWireFindings
{
    private static readonly Dictionary<string, string[]> Findings = new(StringComparer.Ordinal)
    {
        // The contract accepts spec.provider as a string or as a map of strings (OTC's example, {"CCE": "cce"}), but for
        // that inline oneOf Kiota generated a string property only: the object reads as null, the required field is gone
        // and the façade refuses the body before sending. The SDK cannot send this reading.
        ["RegisterCluster_CceCluster"] =
        [
            "answer: FleetValidationException: The request breaks the API contract, so it was not sent: spec.provider: is required (Parameter 'spec.provider')",
            "requests: 0 reached the server, one was expected",
        ],
    };

    /// <summary>Whether <paramref name="problems"/> are exactly the known finding of <paramref name="test"/>.</summary>
    public static bool Explain(string test, IReadOnlyList<string> problems) =>
        Findings.TryGetValue(test, out var known) && known.SequenceEqual(problems, StringComparer.Ordinal);

    /// <summary>The known finding of <paramref name="test"/>, if it has one.</summary>
    public static IReadOnlyList<string>? Of(string test) => Findings.GetValueOrDefault(test);
}
