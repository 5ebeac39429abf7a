using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Support;

/// <summary>How the fake metadata service answers <c>GET /openstack/latest/securitykey</c>.</summary>
public enum MetadataMode
{
    Serves,
    FirstTokenRefused,
    NotThere,
    Forbidden,
    NoAgency,
}

/// <summary>
/// ECS metadata, CCE Pod Identity and IAM on one Kestrel server on 127.0.0.1, as the official SDKs meet them. Each
/// issue of temporary credentials is numbered: <c>TMPAK{n}</c>, <c>TMPSK-SECRET-{n}</c>, <c>STS-SECRET-{n}</c>.
/// </summary>
internal sealed class FakeCloudIdentity : IAsyncDisposable
{
    public const string PodPath = "/v1/pod-credentials";
    public const string IdpId = "idp-oidc-1";
    public const string DomainId = "d0a1b2c3d4e5f60718293a4b5c6d7e8f";
    private const string MetadataToken = "MDTOKEN-SECRET";

    private readonly TimeProvider clock;
    private int issued;
    private int metadataTokens;

    private FakeCloudIdentity(TimeProvider clock) => this.clock = clock;

    public LoopbackServer Server { get; private set; } = null!;

    public Uri BaseUrl => Server.BaseUrl;

    public Uri PodUri => new(Server.BaseUrl, PodPath);

    public MetadataMode Metadata { get; set; } = MetadataMode.Serves;

    /// <summary>What the Pod Identity endpoint accepts in <c>Authorization</c>.</summary>
    public string PodToken { get; set; } = "pod-sa-token-SECRET";

    /// <summary>The id token the IdP accepts.</summary>
    public string IdToken { get; set; } = "oidc-id-token-SECRET";

    /// <summary>How long issued credentials last.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A delay before each issue (so that concurrent callers overlap).</summary>
    public TimeSpan IssueDelay { get; set; }

    public int Issued => Volatile.Read(ref issued);

    public IEnumerable<RecordedRequest> On(string path) => Server.Requests.Where(r => r.RawTarget == path);

    public static async Task<FakeCloudIdentity> StartAsync(TimeProvider? clock = null)
    {
        var fake = new FakeCloudIdentity(clock ?? TimeProvider.System);
        fake.Server = await LoopbackServer.StartAsync(fake.RespondAsync);
        return fake;
    }

    public static string AccessKeyOf(int n) => $"TMPAK{n}";

    public static string SecretKeyOf(int n) => $"TMPSK-SECRET-{n}";

    public static string SecurityTokenOf(int n) => $"STS-SECRET-{n}";

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task RespondAsync(HttpContext context)
    {
        var request = context.Request;
        switch (request.Method, request.Path.Value)
        {
            case ("PUT", "/meta-data/latest/api/token"):
                if (request.Headers["X-Metadata-Token-Ttl-Seconds"] != "21600")
                {
                    context.Response.StatusCode = 400;
                    return;
                }

                await Text(context, 200, $"{MetadataToken}-{Interlocked.Increment(ref metadataTokens)}");
                return;
            case ("GET", "/openstack/latest/securitykey"):
                var token = request.Headers["X-Metadata-Token"].ToString();
                switch (Metadata)
                {
                    case MetadataMode.NotThere:
                        await Text(context, 404, "Not Found");
                        return;
                    case MetadataMode.Forbidden:
                        await Text(context, 403, "<html>Forbidden</html>");
                        return;
                    case MetadataMode.NoAgency:
                        await Text(context, 401, "{\"error\":\"Please configure Cloud Service Agency first\"}");
                        return;
                    case MetadataMode.FirstTokenRefused when token == $"{MetadataToken}-1":
                    case not MetadataMode.FirstTokenRefused when !token.StartsWith(MetadataToken, StringComparison.Ordinal):
                        await Text(context, 401, "{\"error\":\"token expired\"}");
                        return;
                }

                await Issue(context, classic: true, 200);
                return;
            case ("POST", PodPath):
                if (request.Headers.Authorization != PodToken)
                {
                    await Text(context, 401, "{\"error\":\"bad token\"}");
                    return;
                }

                await Issue(context, classic: false, 200);
                return;
            case ("POST", "/v3.0/OS-AUTH/id-token/tokens"):
                var idBody = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync());
                if (request.Headers["X-Idp-Id"] != IdpId || (string?)idBody?["auth"]?["id_token"]?["id"] != IdToken)
                {
                    await Text(context, 401, "{\"error\":{\"code\":\"IAM.0011\",\"message\":\"bad id token\"}}");
                    return;
                }

                context.Response.Headers["X-Subject-Token"] = "SUBJECT-SECRET-token";
                await Text(context, 201, "{\"token\":{}}");
                return;
            case ("POST", "/v3.0/OS-CREDENTIAL/securitytokens"):
                var stsBody = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync());
                var identity = stsBody?["auth"]?["identity"];
                if ((string?)identity?["methods"]?[0] != "token" || (string?)identity?["token"]?["id"] != "SUBJECT-SECRET-token" || (int?)identity?["token"]?["duration_seconds"] != 21600)
                {
                    await Text(context, 400, "{\"error\":{\"code\":\"IAM.0001\"}}");
                    return;
                }

                await Issue(context, classic: true, 201);
                return;
            case ("GET", "/v3/auth/domains"):
                await Text(context, 200, $"{{\"domains\":[{{\"id\":\"{DomainId}\",\"name\":\"acme\"}}]}}");
                return;
            default:
                await Text(context, 404, "no such route");
                return;
        }
    }

    private async Task Issue(HttpContext context, bool classic, int status)
    {
        if (IssueDelay > TimeSpan.Zero)
        {
            await Task.Delay(IssueDelay);
        }

        var n = Interlocked.Increment(ref issued);
        var expires = (clock.GetUtcNow() + Lifetime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var body = classic
            ? new JsonObject { ["credential"] = new JsonObject { ["access"] = AccessKeyOf(n), ["secret"] = SecretKeyOf(n), ["securitytoken"] = SecurityTokenOf(n), ["expires_at"] = expires } }
            : new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = AccessKeyOf(n), ["secretAccessKey"] = SecretKeyOf(n), ["securityToken"] = SecurityTokenOf(n), ["expiration"] = expires }, ["status"] = "ok" };
        await Text(context, status, body.ToJsonString());
    }

    private static async Task Text(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(text);
    }
}
