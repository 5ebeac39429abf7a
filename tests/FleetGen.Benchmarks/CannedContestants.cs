using FleetGen.Client;
using FleetGen.Client.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace FleetGen.Benchmarks;

/// <summary>The contestants of a per-call benchmark, each over its own canned handler answering the same bytes.</summary>
internal sealed class CannedContestants : IDisposable
{
    private static readonly Uri Endpoint = new("https://ucs.myhuaweicloud.com");
    private readonly HttpClient floorHttp;
    private readonly HttpClient kiotaHttp;

    public CannedContestants(byte[] answer)
    {
        floorHttp = new HttpClient(new CannedHandler(answer)) { BaseAddress = Endpoint };
        kiotaHttp = KiotaClientFactory.Create(new CannedHandler(answer));
        Floor = new FloorClient(floorHttp);
        PlainKiota = new UcsApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: kiotaHttp) { BaseUrl = Endpoint.ToString().TrimEnd('/') });
        Token = new FleetClient(new FleetClientOptions { Endpoint = Endpoint, Credentials = new TokenCredentials("benchmark-token"), Transport = new CannedHandler(answer) });
        AkSk = new FleetClient(new FleetClientOptions { Endpoint = Endpoint, Credentials = new AkSkCredentials("BENCHAK", "bench-secret", null, "domain-1"), Transport = new CannedHandler(answer) });
    }

    /// <summary>A hand-written HttpClient call with System.Text.Json source generation.</summary>
    public FloorClient Floor { get; }

    /// <summary>The generated Kiota client with <c>KiotaClientFactory</c> defaults.</summary>
    public UcsApiClient PlainKiota { get; }

    public FleetClient Token { get; }

    public FleetClient AkSk { get; }

    public void Dispose()
    {
        floorHttp.Dispose();
        kiotaHttp.Dispose();
        Token.Dispose();
        AkSk.Dispose();
    }
}
