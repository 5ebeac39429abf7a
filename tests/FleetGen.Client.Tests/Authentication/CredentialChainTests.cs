using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetGen.Client.Tests.Authentication;

/// <summary>The official SDKs' chain against fakes of metadata, Pod Identity and IAM on 127.0.0.1.</summary>
public sealed class CredentialChainTests : IAsyncLifetime, IDisposable
{
    private const string EnvAk = "ENVAK";
    private const string EnvSk = "ENV-SK-SECRET";
    private const string ProfileAk = "PROFILEAK";
    private const string ProfileSk = "PROFILE-SK-SECRET";
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> environment = [];
    private FakeCloudIdentity cloud = null!;

    public async Task InitializeAsync() => cloud = await FakeCloudIdentity.StartAsync(clock);

    public async Task DisposeAsync() => await cloud.DisposeAsync();

    public void Dispose() => folder.Dispose();

    private string Profile => folder.File("credentials");

    private DefaultCredentialChain Chain(Uri? metadata = null) => FleetCredentials.Default(new DefaultCredentialChainOptions
    {
        Environment = name => environment.GetValueOrDefault(name),
        ProfilePath = Profile,
        MetadataEndpoint = metadata ?? cloud.BaseUrl,
        IamEndpoint = cloud.BaseUrl,
        TimeProvider = clock,
    });

    private static async Task<FleetCredentials> CurrentAsync(DefaultCredentialChain chain) => await chain.CurrentAsync(NullLogger.Instance, CancellationToken.None);

    private async Task PodIdentity(string tokenFileContent)
    {
        var tokenFile = folder.File("pod-token");
        await File.WriteAllTextAsync(tokenFile, tokenFileContent);
        environment["HC_CONTAINER_CREDENTIALS_FULL_URI"] = cloud.PodUri.ToString();
        environment["HC_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile;
    }

    [Theory]
    [InlineData("token variable", "UCS_AUTH_TOKEN")]
    [InlineData("environment", "the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)")]
    [InlineData("profile", "the profile file")]
    [InlineData("metadata", "ECS metadata")]
    [InlineData("pod identity", "CCE Pod Identity")]
    public async Task Sources_are_asked_in_order_and_the_first_that_yields_wins(string first, string origin)
    {
        // Every source after `first` could serve too.
        environment["UCS_AUTH_TOKEN"] = first == "token variable" ? "tok-SECRET" : null;
        (environment["HUAWEICLOUD_SDK_AK"], environment["HUAWEICLOUD_SDK_SK"], environment["HUAWEICLOUD_SDK_DOMAIN_ID"]) =
            first is "token variable" or "environment" ? (EnvAk, EnvSk, "d-env") : (null, null, null);
        if (first is not ("metadata" or "pod identity"))
        {
            await File.WriteAllTextAsync(Profile, $"[global]\nak = {ProfileAk}\nsk = {ProfileSk}\ndomain_id = d-profile\n");
        }

        cloud.Metadata = first == "pod identity" ? MetadataMode.NotThere : MetadataMode.Serves;
        await PodIdentity(cloud.PodToken);
        var chain = Chain();

        var credentials = await CurrentAsync(chain);

        Assert.Contains($"from {origin}", chain.ToString(), StringComparison.Ordinal);
        switch (first)
        {
            case "token variable":
                Assert.IsType<TokenCredentials>(credentials);
                break;
            case "environment":
                Assert.Equal((EnvAk, "d-env", null), Keys(credentials));
                break;
            case "profile":
                Assert.Equal((ProfileAk, "d-profile", null), Keys(credentials));
                break;
            default:
                Assert.Equal((FakeCloudIdentity.AccessKeyOf(1), FakeCloudIdentity.DomainId, FakeCloudIdentity.SecurityTokenOf(1)), Keys(credentials));
                break;
        }

        Assert.Equal(first is "metadata" or "pod identity" ? 1 : 0, cloud.On("/openstack/latest/securitykey").Count());
        Assert.Equal(first == "pod identity" ? 1 : 0, cloud.On(FakeCloudIdentity.PodPath).Count());
    }

    [Fact]
    public async Task A_broken_source_is_skipped_with_its_reason_kept()
    {
        environment["HUAWEICLOUD_SDK_AK"] = EnvAk;
        await File.WriteAllTextAsync(Profile, $"[global]\nak = {ProfileAk}\n");
        cloud.Metadata = MetadataMode.Forbidden;
        await PodIdentity("wrong-token-SECRET");

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(Chain()));

        Assert.Equal(FleetCredentialProblem.NotFound, error.Problem);
        Assert.Contains("environment (HUAWEICLOUD_SDK_*): only HUAWEICLOUD_SDK_AK is set; AK/SK signing needs both", error.Message, StringComparison.Ordinal);
        Assert.Contains($"profile file {Profile}: [global] has only ak; AK/SK signing needs both", error.Message, StringComparison.Ordinal);
        Assert.Contains("no metadata service (GET /openstack/latest/securitykey answered 403)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"CCE Pod Identity (HC_CONTAINER_CREDENTIALS_FULL_URI): POST {cloud.PodUri} answered 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);

        await PodIdentity(cloud.PodToken);
        var chain = Chain();
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);
        Assert.Contains("CCE Pod Identity", chain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_found_the_error_names_every_source_and_why_it_gave_nothing()
    {
        cloud.Metadata = MetadataMode.NotThere;

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(Chain()));

        Assert.Equal(
            "No credentials found; tried in order: UCS_AUTH_TOKEN: not set; " +
            "environment (HUAWEICLOUD_SDK_*): neither HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK nor HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE is set; " +
            $"profile file {Profile}: does not exist; " +
            $"ECS metadata ({cloud.BaseUrl.GetLeftPart(UriPartial.Authority)}): no metadata service (GET /openstack/latest/securitykey answered 404); " +
            "CCE Pod Identity (HC_CONTAINER_CREDENTIALS_FULL_URI): HC_CONTAINER_CREDENTIALS_FULL_URI and HC_CONTAINER_AUTHORIZATION_TOKEN_FILE are not set. " +
            "Set UCS_AUTH_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ak and sk in the [global] section of ~/.huaweicloud/credentials.",
            error.Message);
    }

    [Fact]
    public async Task A_metadata_service_that_does_not_answer_is_no_metadata_service()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
        listener.Stop();

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(Chain(closed)));

        Assert.Contains($"ECS metadata ({closed.GetLeftPart(UriPartial.Authority)}): no metadata service (Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_sends_a_session_token_and_after_a_401_takes_a_new_one_and_retries_once()
    {
        cloud.Metadata = MetadataMode.FirstTokenRefused;

        var credentials = await CurrentAsync(Chain());

        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(credentials).AccessKey);
        Assert.Equal(2, cloud.On("/meta-data/latest/api/token").Count());
        Assert.Equal(["MDTOKEN-SECRET-1", "MDTOKEN-SECRET-2"], cloud.On("/openstack/latest/securitykey").Select(r => r.Headers["X-Metadata-Token"]));
    }

    [Theory]
    [InlineData(MetadataMode.NotThere, "no metadata service (GET /openstack/latest/securitykey answered 404)")]
    [InlineData(MetadataMode.Forbidden, "no metadata service (GET /openstack/latest/securitykey answered 403)")]
    [InlineData(MetadataMode.NoAgency, "the server has no agency (GET /openstack/latest/securitykey: \"Please configure Cloud Service Agency first\")")]
    public async Task Metadata_that_is_not_there_forbidden_or_without_an_agency_gives_nothing(MetadataMode mode, string reason)
    {
        cloud.Metadata = mode;

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(Chain()));

        Assert.Contains($"ECS metadata ({cloud.BaseUrl.GetLeftPart(UriPartial.Authority)}): {reason};", error.Message, StringComparison.Ordinal);
        Assert.Single(cloud.On("/openstack/latest/securitykey"));
    }

    [Theory]
    [InlineData("upstream 403", "no metadata service (GET /openstack/latest/securitykey answered 403)")]
    [InlineData("huge", "the answer is larger than 64 KiB")]
    [InlineData("line break in the secret", "GET /openstack/latest/securitykey: credential.secret contains a control character (U+000D) at position 2; credentials are printable ASCII")]
    [InlineData("no expiry", "GET /openstack/latest/securitykey: credential.expires_at is missing or not a non-empty string")]
    [InlineData("expired", "the credentials it gave expired at 2026-12-06T07:00:00Z")]
    [InlineData("html", "GET /openstack/latest/securitykey: the answer is not JSON")]
    public async Task A_metadata_answer_that_cannot_be_trusted_gives_nothing_and_says_why(string kind, string reason)
    {
        string Credential(string secret, string? expires) =>
            $"{{\"credential\":{{\"access\":\"A\",\"secret\":\"{secret}\",\"securitytoken\":\"T\"{(expires is null ? string.Empty : $",\"expires_at\":\"{expires}\"")}}}}}";
        var (status, body) = kind switch
        {
            "upstream 403" => (403, "<html>403 Forbidden</html>"),
            "huge" => (200, new string(' ', 70 * 1024) + "{}"),
            "line break in the secret" => (200, Credential("S\\r\\nX-Injected: SECRET", "2026-12-06T14:00:00Z")),
            "no expiry" => (200, Credential("SECRET", null)),
            "expired" => (200, Credential("SECRET", "2026-12-06T07:00:00Z")),
            _ => (200, "<html>SECRET</html>"),
        };
        await using var metadata = await LoopbackServer.StartAsync(async context =>
        {
            var token = context.Request.Method == "PUT";
            context.Response.StatusCode = token && kind != "upstream 403" ? 200 : status;
            await context.Response.WriteAsync(token && kind != "upstream 403" ? "session" : body);
        });

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(Chain(metadata.BaseUrl)));

        Assert.Contains($"ECS metadata ({metadata.BaseUrl.GetLeftPart(UriPartial.Authority)}): {reason};", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pod_identity_sends_the_token_file_as_Authorization_and_reads_it_again_for_each_renewal()
    {
        cloud.Metadata = MetadataMode.NotThere;
        await PodIdentity("\uFEFF  pod-sa-token-SECRET\n");
        var chain = Chain();

        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);
        cloud.PodToken = "rotated-pod-token-SECRET";
        await PodIdentity("rotated-pod-token-SECRET");
        clock.Advance(TimeSpan.FromHours(6) - DefaultCredentialChain.RenewBefore);

        Assert.Equal(FakeCloudIdentity.AccessKeyOf(2), Keys(await CurrentAsync(chain)).AccessKey);
        var posts = cloud.On(FakeCloudIdentity.PodPath).ToList();
        Assert.Equal(["pod-sa-token-SECRET", "rotated-pod-token-SECRET"], posts.Select(r => r.Headers["Authorization"]));
        Assert.All(posts, r => Assert.Equal(("{}", "application/json; charset=utf-8"), (r.BodyText, r.Headers["Content-Type"])));
    }

    [Fact]
    public async Task Oidc_from_the_environment_exchanges_the_id_token_for_temporary_credentials()
    {
        var idTokenFile = folder.File("id-token");
        await File.WriteAllTextAsync(idTokenFile, cloud.IdToken + "\n");
        (environment["HUAWEICLOUD_SDK_IDP_ID"], environment["HUAWEICLOUD_SDK_ID_TOKEN_FILE"]) = (FakeCloudIdentity.IdpId, idTokenFile);
        (environment["HUAWEICLOUD_SDK_AK"], environment["HUAWEICLOUD_SDK_SK"], environment["HUAWEICLOUD_SDK_DOMAIN_ID"]) = (EnvAk, EnvSk, "d-env");
        var chain = Chain();

        var credentials = await CurrentAsync(chain);

        Assert.Equal((FakeCloudIdentity.AccessKeyOf(1), "d-env", FakeCloudIdentity.SecurityTokenOf(1)), Keys(credentials));
        Assert.Contains("HUAWEICLOUD_SDK_IDP_ID", chain.ToString(), StringComparison.Ordinal);
        var exchange = Assert.Single(cloud.On("/v3.0/OS-AUTH/id-token/tokens"));
        Assert.Equal(FakeCloudIdentity.IdpId, exchange.Headers["X-Idp-Id"]);
        Assert.False(exchange.Headers.ContainsKey("Authorization"));
        Assert.Single(cloud.On("/v3.0/OS-CREDENTIAL/securitytokens"));
    }

    [Fact]
    public async Task The_profile_reads_global_before_globalcredentials_and_oidc_there_too()
    {
        var idTokenFile = folder.File("id-token");
        await File.WriteAllTextAsync(idTokenFile, cloud.IdToken);
        await File.WriteAllTextAsync(Profile, $"; written by hand\n[globalcredentials]\nidp_id = {FakeCloudIdentity.IdpId}\nid_token_file = {idTokenFile}\n");
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(Chain())).AccessKey);

        await File.WriteAllTextAsync(Profile, $"[globalcredentials]\nidp_id = {FakeCloudIdentity.IdpId}\nid_token_file = {idTokenFile}\n[global]\nak = {ProfileAk}\nsk = {ProfileSk}\nsecurity_token = PROFILE-STS-SECRET\ndomain_id = d-profile\n");
        Assert.Equal((ProfileAk, "d-profile", "PROFILE-STS-SECRET"), Keys(await CurrentAsync(Chain())));
    }

    [Theory]
    [InlineData("[global]\nak = A\nsk = S\u0001ECRET\n", "[global] sk contains a control character (U+0001) at position 2; credentials are printable ASCII")]
    [InlineData("ak = A\nthis line is no key SECRET\n", "is not an INI file")]
    [InlineData("[basic]\nak = A\nsk = SECRET\n", "has no [global] (or [globalcredentials]) section")]
    [InlineData("[global]\nak = A\nsk = SECRET\niam_endpoint = http://iam.example.com\n", "[global] iam_endpoint: http://iam.example.com must be https (http only on a loopback address)")]
    public async Task A_profile_that_cannot_be_used_is_named_with_its_rule_and_no_secret(string content, string reason)
    {
        await File.WriteAllTextAsync(Profile, content);
        cloud.Metadata = MetadataMode.NotThere;
        var chain = FleetCredentials.Default(new DefaultCredentialChainOptions { Environment = _ => null, ProfilePath = Profile, MetadataEndpoint = cloud.BaseUrl });

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(chain));

        Assert.Contains($"profile file {Profile}: {reason}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temporary_credentials_are_renewed_once_less_than_40_minutes_remain()
    {
        var chain = Chain();
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);

        clock.Advance(TimeSpan.FromHours(6) - DefaultCredentialChain.RenewBefore - TimeSpan.FromSeconds(1));
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(2), Keys(await CurrentAsync(chain)).AccessKey);

        Assert.Equal(2, cloud.Issued);
        Assert.Single(cloud.On("/v3/auth/domains"));
    }

    [Fact]
    public async Task Ten_concurrent_requests_make_one_fetch_and_then_one_renewal()
    {
        cloud.IssueDelay = TimeSpan.FromMilliseconds(300);
        var chain = Chain();

        var first = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => CurrentAsync(chain))));
        clock.Advance(TimeSpan.FromHours(5.5));
        var renewed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => CurrentAsync(chain))));

        Assert.All(first, c => Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(c).AccessKey));
        Assert.All(renewed, c => Assert.Equal(FakeCloudIdentity.AccessKeyOf(2), Keys(c).AccessKey));
        Assert.Equal(2, cloud.Issued);
    }

    [Fact]
    public async Task A_failed_renewal_keeps_credentials_that_still_hold_and_fails_once_they_expired()
    {
        var chain = Chain();
        await CurrentAsync(chain);
        cloud.Metadata = MetadataMode.NotThere;

        clock.Advance(TimeSpan.FromHours(5.5));
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);
        Assert.Equal(FakeCloudIdentity.AccessKeyOf(1), Keys(await CurrentAsync(chain)).AccessKey);
        Assert.Equal(2, cloud.On("/openstack/latest/securitykey").Count());
        clock.Advance(TimeSpan.FromHours(0.6));
        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(chain));

        Assert.Equal(FleetCredentialProblem.Unavailable, error.Problem);
        Assert.Equal($"The credentials from ECS metadata ({cloud.BaseUrl.GetLeftPart(UriPartial.Authority)}) expired and could not be renewed: no metadata service (GET /openstack/latest/securitykey answered 404).", error.Message);
    }

    [Fact]
    public async Task The_security_token_is_sent_and_signed_and_the_domain_id_is_looked_up_once_and_sent()
    {
        await using var ucs = await ClientFixture.KubeconfigServer();
        var logs = new DependencyInjection.RecordingLoggerProvider();
        using var loggerFactory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        var chain = Chain();
        var options = ClientFixture.Options(ucs, chain);
        options.TimeProvider = clock;
        options.LoggerFactory = loggerFactory;
        using var client = new FleetClient(options);

        await client.Federation.CreateFederationCertAsync("f", ClientFixture.Request());
        await client.Federation.CreateFederationCertAsync("f", ClientFixture.Request());
        clock.Advance(TimeSpan.FromHours(5.5));
        await client.Federation.CreateFederationCertAsync("f", ClientFixture.Request());

        var sent = ucs.Requests;
        Assert.Equal(3, sent.Count);
        foreach (var (request, n) in sent.Zip(new[] { 1, 1, 2 }))
        {
            Assert.Equal(FakeCloudIdentity.SecurityTokenOf(n), request.Headers["X-Security-Token"]);
            Assert.Equal(FakeCloudIdentity.DomainId, request.Headers["X-Domain-Id"]);
            Assert.Contains("SignedHeaders=host;x-domain-id;x-sdk-date;x-security-token,", request.Headers["Authorization"], StringComparison.Ordinal);
            Assert.True(IndependentSignatureVerifier.Verify(request, FakeCloudIdentity.AccessKeyOf(n), FakeCloudIdentity.SecretKeyOf(n), out var reason), reason);
        }

        var lookup = Assert.Single(cloud.On("/v3/auth/domains"));
        Assert.Equal(FakeCloudIdentity.SecurityTokenOf(1), lookup.Headers["X-Security-Token"]);
        Assert.False(lookup.Headers.ContainsKey("X-Domain-Id"));
        Assert.True(IndependentSignatureVerifier.Verify(lookup, FakeCloudIdentity.AccessKeyOf(1), FakeCloudIdentity.SecretKeyOf(1), out var lookupReason), lookupReason);

        var served = Assert.Single(logs.Logs, l => l.Message.StartsWith("UCS credentials: ", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, served.Level);
        Assert.Contains($"from ECS metadata ({cloud.BaseUrl.GetLeftPart(UriPartial.Authority)}), expires 2026-12-06T14:00:00Z", served.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Logs, l => l.Message.StartsWith("UCS credentials renewed from ECS metadata", StringComparison.Ordinal));
        var everything = string.Join('\n', logs.Logs.Select(l => l.Message + l.Exception).Append(chain.ToString()));
        Assert.DoesNotContain("SECRET", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("TMPAK", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_domain_id_that_cannot_be_looked_up_fails_naming_the_lookup_and_the_variable()
    {
        await using var iam = await LoopbackServer.StartAsync(403, "{\"error_msg\":\"SECRET echo\"}");
        (environment["HUAWEICLOUD_SDK_AK"], environment["HUAWEICLOUD_SDK_SK"]) = (EnvAk, EnvSk);
        var chain = FleetCredentials.Default(new DefaultCredentialChainOptions { Environment = name => environment.GetValueOrDefault(name), ProfilePath = Profile, IamEndpoint = iam.BaseUrl });

        var error = await Assert.ThrowsAsync<FleetCredentialsException>(() => CurrentAsync(chain));

        Assert.Equal(FleetCredentialProblem.Unavailable, error.Problem);
        Assert.Equal(
            $"The credentials from the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) carry no account (domain) id, and looking it up failed: GET {iam.BaseUrl}v3/auth/domains answered 403. Set HUAWEICLOUD_SDK_DOMAIN_ID (or domain_id in the profile file).",
            error.Message);
        Assert.True(IndependentSignatureVerifier.Verify(Assert.Single(iam.Requests), EnvAk, EnvSk, out var reason), reason);
    }

    [Fact]
    public void Options_that_break_a_rule_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => FleetCredentials.Default(new DefaultCredentialChainOptions
        {
            IamEndpoint = new Uri("http://iam.example.com"),
            MetadataEndpoint = new Uri("http://169.254.169.254/latest"),
            MetadataTimeout = TimeSpan.Zero,
        }));

        Assert.Equal(
            "DefaultCredentialChainOptions: MetadataEndpoint: must be an http or https URL of a host alone; " +
            "IamEndpoint: http://iam.example.com must be https (http only on a loopback address); MetadataTimeout: 00:00:00 must be positive and at most 00:01:00.",
            error.Message);
        var client = Assert.Throws<FleetClientOptionsException>(() => new FleetClient(new FleetClientOptions { CredentialChain = new DefaultCredentialChainOptions { RequestTimeout = TimeSpan.FromHours(1) } }));
        Assert.Equal("CredentialChain.RequestTimeout", Assert.Single(client.Violations).Option);
    }

    private static (string AccessKey, string? DomainId, string? SecurityToken) Keys(FleetCredentials credentials)
    {
        var aksk = Assert.IsType<AkSkCredentials>(credentials);
        return (aksk.AccessKey, aksk.DomainId, aksk.SecurityToken);
    }
}
