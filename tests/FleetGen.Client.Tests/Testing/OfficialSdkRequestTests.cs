using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Testing;

/// <summary>
/// The fake takes requests as the official SDKs send them, so code written against those SDKs can be pointed at it:
/// <c>Content-Type: application/json</c> on every method, <c>X-Domain-Id</c>, and form or multipart bodies signed as
/// <c>UNSIGNED-PAYLOAD</c>. The requests are built and signed here by hand, as those SDKs do, not by FleetGen's client.
/// </summary>
public sealed class OfficialSdkRequestTests
{
    private const string DomainId = "0a1b2c3d4e5f";

    [Fact]
    public async Task A_get_with_a_json_content_type_and_a_domain_id_is_answered()
    {
        await using var server = await FakeUcsServer.StartAsync();
        using var http = new HttpClient();

        using var request = Signed(HttpMethod.Get, new Uri(server.BaseUrl, "/v1/clustergroups/fleet-demo"), content: null, unsignedPayload: false);
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("fleet-demo", JsonNode.Parse(await answer.Content.ReadAsStringAsync())?["metadata"]?["uid"]?.GetValue<string>());
        Assert.Equal(DomainId, server.Requests[^1].Headers["X-Domain-Id"]);
    }

    [Fact]
    public async Task A_delete_with_a_json_content_type_and_no_body_is_answered()
    {
        await using var server = await FakeUcsServer.StartAsync();
        using var http = new HttpClient();

        using var request = Signed(HttpMethod.Delete, new Uri(server.BaseUrl, "/v1/clustergroups/fleet-demo/federations"), content: null, unsignedPayload: false);
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("form")]
    [InlineData("multipart")]
    public async Task A_form_body_signed_as_unsigned_payload_is_read_as_its_json_body(string encoding)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { TimeProvider = clock });
        using var http = new HttpClient();
        HttpContent body = encoding == "form"
            ? new FormUrlEncodedContent([new("targetVersion", "v1.5.0")])
            : new MultipartFormDataContent { { new StringContent("v1.5.0"), "targetVersion" } };

        using var request = Signed(HttpMethod.Post, new Uri(server.BaseUrl, "/v1/clustergroups/fleet-demo/federations/upgrade"), body, unsignedPayload: true);
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await answer.Content.ReadAsStringAsync())?["jobId"]?.GetValue<string>()));
        clock.Advance(TimeSpan.FromMinutes(10));
        using var client = new FleetClient(server.ClientOptions());
        var fleet = await client.Fleet.ShowClusterGroupAsync("fleet-demo");
        Assert.Equal("v1.5.0", fleet?.Spec?.FederationVersion);
    }

    [Fact]
    public async Task Unsigned_payload_is_no_way_around_the_signature_of_the_rest()
    {
        await using var server = await FakeUcsServer.StartAsync();
        using var http = new HttpClient();

        using var request = Signed(HttpMethod.Post, new Uri(server.BaseUrl, "/v1/clustergroups/fleet-demo/federations/upgrade"), new FormUrlEncodedContent([new("targetVersion", "v1.5.0")]), unsignedPayload: true);
        request.RequestUri = new Uri(server.BaseUrl, "/v1/clustergroups/fleet-other/federations/upgrade");
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    /// <summary>Signs as the official SDKs do: host, x-domain-id, x-sdk-date (and x-sdk-content-sha256 when the payload is unsigned).</summary>
    private static HttpRequestMessage Signed(HttpMethod method, Uri uri, HttpContent? content, bool unsignedPayload)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content ?? new ByteArrayContent([]) };
        request.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        var date = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-domain-id"] = DomainId,
            ["x-sdk-date"] = date,
        };
        if (unsignedPayload)
        {
            headers["x-sdk-content-sha256"] = "UNSIGNED-PAYLOAD";
        }

        var body = request.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var signed = string.Join(';', headers.Keys);
        var canonical = string.Join('\n',
            method.Method,
            uri.AbsolutePath.TrimEnd('/') + "/",
            string.Empty,
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signed,
            unsignedPayload ? "UNSIGNED-PAYLOAD" : Convert.ToHexStringLower(SHA256.HashData(body)));
        var toSign = $"SDK-HMAC-SHA256\n{date}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FakeUcsServerOptions.DefaultSecretKey), Encoding.UTF8.GetBytes(toSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={FakeUcsServerOptions.DefaultAccessKey}, SignedHeaders={signed}, Signature={signature}");
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
