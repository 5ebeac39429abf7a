using FleetGen.Client.Models;

namespace FleetGen.Benchmarks;

/// <summary>Checks, before timing, that a contestant returns what the floor returns.</summary>
internal static class ResultCheck
{
    public static void SameKubeconfig(FloorKubeconfig expected, Kubeconfig actual, string contestant)
    {
        var same = expected.Kind == actual.Kind
            && expected.ApiVersion == actual.ApiVersion
            && expected.CurrentContext == actual.CurrentContext
            && expected.Clusters!.Select(c => (c.Name, c.Cluster!.Server, c.Cluster.CertificateAuthorityData))
                .SequenceEqual(actual.Clusters!.Select(c => (c.Name, c.Cluster!.Server, c.Cluster.CertificateAuthorityData)))
            && expected.Users!.Select(u => (u.Name, u.User!.ClientCertificateData, u.User.ClientKeyData, u.User.Token))
                .SequenceEqual(actual.Users!.Select(u => (u.Name, u.User!.ClientCertificateData, u.User.ClientKeyData, u.User.Token)))
            && expected.Contexts!.Select(c => (c.Name, c.Context!.Cluster, c.Context.User))
                .SequenceEqual(actual.Contexts!.Select(c => (c.Name, c.Context!.Cluster, c.Context.User)));
        if (!same)
        {
            throw new InvalidOperationException($"The {contestant} contestant returned another kubeconfig than the floor; timing it would compare unequal work.");
        }
    }

    public static void SameJson(byte[] expected, byte[] actual, string contestant)
    {
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual)))
        {
            throw new InvalidOperationException($"The {contestant} contestant wrote other JSON than the floor.");
        }
    }
}
