using System.Text;
using FleetGen.Client.Http;
using FleetGen.Client.Models;
using FleetGen.Client.Serialization;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace FleetGen.Client.Tests.Client;

/// <summary>The request the façade sends (emitted from the contract) is the one Kiota's generated request builder and adapter make.</summary>
public sealed class ContractRequestTests
{
    private const string BaseUrl = "https://ucs.example.com";

    [Theory]
    [InlineData("fleet-demo")]
    [InlineData("4f1c2d3e-0000-4000-8000-000000000001")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("caf\u00e9?#%")]
    [InlineData("~._-")]
    [InlineData("!$&'()*+,;=@[]:")]
    [InlineData("%2F")]
    public async Task The_emitted_request_is_the_one_Kiota_builds(string fleetId)
    {
        var body = new CreateFederationCertRequestBody { ProjectID = "p", VpcID = "v", SubnetID = "s", Duration = 30 };

        Assert.Equal(await DescribeAsync(await KiotaRequestAsync(fleetId, body)), await DescribeAsync(ContractRequests.CreateFederationCert(BaseUrl, fleetId, body)));
    }

    [Fact]
    public async Task A_body_with_fields_the_contract_does_not_name_is_written_by_Kiota_and_keeps_them()
    {
        var body = new CreateFederationCertRequestBody
        {
            ProjectID = "p",
            VpcID = "v",
            SubnetID = "s",
            Duration = 1825,
            AdditionalData = new Dictionary<string, object> { ["clusterID"] = "c-1" },
        };

        var emitted = await DescribeAsync(ContractRequests.CreateFederationCert(BaseUrl, "f", body));

        Assert.Equal(await DescribeAsync(await KiotaRequestAsync("f", body)), emitted);
        Assert.Contains("\"clusterID\":\"c-1\"", emitted, StringComparison.Ordinal);
    }

    private static async Task<HttpRequestMessage> KiotaRequestAsync(string fleetId, CreateFederationCertRequestBody body)
    {
        using var http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), FleetSerialization.ParseNodeFactory, FleetSerialization.SerializationWriterFactory, http)
        {
            BaseUrl = BaseUrl,
        };
        var information = new UcsApiClient(adapter).V1.Clustergroups[fleetId].Cert.ToPostRequestInformation(body);
        return (await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(information))!;
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage message)
    {
        using (message)
        {
            var text = new StringBuilder()
                .AppendLine($"{message.Method} {message.RequestUri!.AbsoluteUri} HTTP/{message.Version} {message.VersionPolicy}");
            foreach (var (name, values) in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()).OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"{name}: {string.Join(", ", values)}");
            }

            // Kiota's adapter leaves options for Kiota's own middleware handlers, which FleetGen's pipeline does not use.
            text.AppendLine($"options: {string.Join(", ", message.Options.Select(o => o.Key).Where(k => !k.StartsWith("Microsoft.Kiota.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))}");
            text.AppendLine($"resendable: {message.Content is not null && await Resendable(message.Content)}");
            return text.Append(message.Content is null ? string.Empty : await message.Content.ReadAsStringAsync()).ToString();
        }
    }

    /// <summary>Retries and AK/SK signing read the body more than once.</summary>
    private static async Task<bool> Resendable(HttpContent content)
    {
        var first = await content.ReadAsByteArrayAsync();
        var second = await content.ReadAsByteArrayAsync();
        return first.AsSpan().SequenceEqual(second);
    }
}
