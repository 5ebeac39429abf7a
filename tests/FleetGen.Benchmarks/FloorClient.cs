using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetGen.Benchmarks;

/// <summary>The floor: a hand-written HttpClient call with System.Text.Json source generation for both bodies.</summary>
internal sealed class FloorClient(HttpClient http)
{
    public async Task<FloorKubeconfig> CreateFederationCertAsync(string fleetId, FloorRequest request, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(request, FloorJson.Default.FloorRequest);
        using var response = await http.PostAsync($"v1/clustergroups/{Uri.EscapeDataString(fleetId)}/cert", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorKubeconfig, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<FloorConnection> CreateFederationConnectionAsync(string fleetId, FloorConnectionRequest request, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(request, FloorJson.Default.FloorConnectionRequest);
        using var response = await http.PostAsync($"v1/clustergroups/{Uri.EscapeDataString(fleetId)}/connection", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorConnection, cancellationToken).ConfigureAwait(false))!;
    }
}

public sealed record FloorConnectionRequest(
    [property: JsonPropertyName("projectID")] string ProjectId,
    [property: JsonPropertyName("vpcID")] string VpcId,
    [property: JsonPropertyName("subnetID")] string SubnetId);

public sealed record FloorConnection([property: JsonPropertyName("id")] string? Id);

public sealed record FloorRequest(
    [property: JsonPropertyName("projectID")] string ProjectId,
    [property: JsonPropertyName("vpcID")] string VpcId,
    [property: JsonPropertyName("subnetID")] string SubnetId,
    [property: JsonPropertyName("duration")] int Duration);

public sealed record FloorKubeconfig(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("apiVersion")] string? ApiVersion,
    [property: JsonPropertyName("clusters")] List<FloorNamedCluster>? Clusters,
    [property: JsonPropertyName("users")] List<FloorNamedUser>? Users,
    [property: JsonPropertyName("contexts")] List<FloorNamedContext>? Contexts,
    [property: JsonPropertyName("current-context")] string? CurrentContext);

public sealed record FloorNamedCluster([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("cluster")] FloorCluster? Cluster);

public sealed record FloorCluster(
    [property: JsonPropertyName("server")] string? Server,
    [property: JsonPropertyName("certificate-authority-data")] string? CertificateAuthorityData,
    [property: JsonPropertyName("insecure-skip-tls-verify")] JsonElement? InsecureSkipTlsVerify);

public sealed record FloorNamedUser([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("user")] FloorUser? User);

public sealed record FloorUser(
    [property: JsonPropertyName("client-certificate-data")] string? ClientCertificateData,
    [property: JsonPropertyName("client-key-data")] string? ClientKeyData,
    [property: JsonPropertyName("token")] string? Token);

public sealed record FloorNamedContext([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("context")] FloorContext? Context);

public sealed record FloorContext([property: JsonPropertyName("cluster")] string? Cluster, [property: JsonPropertyName("user")] string? User);

[JsonSerializable(typeof(FloorRequest))]
[JsonSerializable(typeof(FloorKubeconfig))]
[JsonSerializable(typeof(FloorConnectionRequest))]
[JsonSerializable(typeof(FloorConnection))]
internal sealed partial class FloorJson : JsonSerializerContext;
