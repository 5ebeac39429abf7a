using System.IO.Compression;
using System.Net.Security;
using System.Text;
using FleetGen.Client.Authentication;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using FleetGen.Client.Validation;
using FleetGen.Testing;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Security;

/// <summary>The client against a hostile server on 127.0.0.1: answers that try to take over the kubeconfig, to exhaust time or memory, to downgrade, to echo secrets or to forge lines.</summary>
public sealed class HostileAnswerTests : IDisposable
{
    private readonly FakeCertificateAuthority pki = new();

    public void Dispose() => pki.Dispose();

    private string Answer(string clusters = "", string users = "", string contexts = "", string? cluster = null, string? user = null)
    {
        using var client = pki.IssueClientCertificate("fleet-user", TimeSpan.FromDays(1));
        cluster ??= $$"""{"server":"https://10.0.0.8:5443","certificate-authority-data":"{{pki.CertificateData}}"}""";
        user ??= $$"""{"client-certificate-data":"{{FakeCertificateAuthority.ToBase64Pem(client)}}","client-key-data":"{{FakeCertificateAuthority.PrivateKeyToBase64Pem(client)}}"}""";
        return $$$"""
            {"kind":"Config","apiVersion":"v1",
             "clusters":[{"name":"cluster-demo","cluster":{{{cluster}}}}{{{clusters}}}],
             "users":[{"name":"user","user":{{{user}}}}{{{users}}}],
             "contexts":[{"name":"demo","context":{"cluster":"cluster-demo","user":"user"}}{{{contexts}}}],
             "current-context":"demo"}
            """;
    }

    private static async Task<UcsApiException> RefusedAsync(string body, Action<FleetClientOptions>? configure = null)
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, body));
        var options = ClientFixture.Options(server);
        configure?.Invoke(options);
        using var client = new FleetClient(options);
        return await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));
    }

    [Fact]
    public async Task An_answer_with_extra_entries_is_refused_so_it_cannot_replace_the_users_own()
    {
        var error = await RefusedAsync(Answer(
            clusters: """,{"name":"prod","cluster":{"server":"https://evil.example","insecure-skip-tls-verify":true}}""",
            users: """,{"name":"prod","user":{"token":"planted"}}""",
            contexts: """,{"name":"prod","context":{"cluster":"prod","user":"prod"}}"""));

        Assert.Contains("clusters: a federation kubeconfig has exactly one entry here, this one has 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("contexts: a federation kubeconfig has exactly one entry here, this one has 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"exec":{"apiVersion":"client.authentication.k8s.io/v1","command":"/bin/sh","args":["-c","touch /tmp/pwned"]}}""", "users[0].user.exec")]
    [InlineData("""{"auth-provider":{"name":"oidc"}}""", "users[0].user.auth-provider")]
    [InlineData("""{"username":"admin","password":"secret"}""", "users[0].user.username")]
    [InlineData("""{"tokenFile":"/etc/shadow"}""", "users[0].user.tokenFile")]
    [InlineData("""{"token":"t","as":"system:admin","as-groups":["system:masters"]}""", "users[0].user.as")]
    public async Task A_user_that_holds_anything_but_certificate_data_and_a_token_is_refused(string user, string field)
    {
        var error = await RefusedAsync(Answer(user: user));

        Assert.Contains($"{field}: is not allowed; a federation user may hold client-certificate-data, client-key-data, token only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"server":"https://10.0.0.8:5443","proxy-url":"http://evil.example:3128"}""", "clusters[0].cluster.proxy-url: is not allowed")]
    [InlineData("""{"server":"https://10.0.0.8:5443","certificate-authority-data":12345}""", "clusters[0].cluster.certificate-authority-data: is a number, not a string")]
    [InlineData("""{"server":"https://10.0.0.8:5443","certificate-authority-data":{"pem":"x"}}""", "clusters[0].cluster.certificate-authority-data: is an object, not a string")]
    public async Task A_cluster_with_a_proxy_or_a_CA_that_is_not_a_string_is_refused_not_silently_dropped(string cluster, string problem)
    {
        var error = await RefusedAsync(Answer(cluster: cluster));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_key_that_does_not_match_its_certificate_is_a_malformed_answer()
    {
        using var client = pki.IssueClientCertificate("fleet-user", TimeSpan.FromDays(1));
        using var other = pki.IssueClientCertificate("someone-else", TimeSpan.FromDays(1));
        var user = $$"""{"client-certificate-data":"{{FakeCertificateAuthority.ToBase64Pem(client)}}","client-key-data":"{{FakeCertificateAuthority.PrivateKeyToBase64Pem(other)}}"}""";

        var error = await RefusedAsync(Answer(user: user));

        Assert.Contains("users[\"user\"]: client-key-data is not the private key of client-certificate-data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_client_certificate_is_an_unusable_answer_that_names_its_dates()
    {
        using var past = new FakeCertificateAuthority(time: new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        using var expired = past.IssueClientCertificate("fleet-user", TimeSpan.FromDays(1));
        var user = $$"""{"client-certificate-data":"{{FakeCertificateAuthority.ToBase64Pem(expired)}}","client-key-data":"{{FakeCertificateAuthority.PrivateKeyToBase64Pem(expired)}}"}""";

        var error = await RefusedAsync(Answer(user: user));

        Assert.Contains("the client certificate for fleet fleet-a has expired: valid from 2024-12-31T23:55:00Z to 2025-01-02T00:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_certificate_not_valid_yet_is_kept_but_reported()
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(2);
        using var future = new FakeCertificateAuthority(time: new FakeTimeProvider(notBefore.AddMinutes(5)));
        using var early = future.IssueClientCertificate("fleet-user", TimeSpan.FromDays(30));
        var user = $$"""{"client-certificate-data":"{{FakeCertificateAuthority.ToBase64Pem(early)}}","client-key-data":"{{FakeCertificateAuthority.PrivateKeyToBase64Pem(early)}}"}""";
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, Answer(user: user)));
        using var client = new FleetClient(ClientFixture.Options(server));

        var config = await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());

        var warning = Assert.Single(config.GetSecurityWarnings());
        Assert.Equal(KubeconfigWarningKind.ClientCertificateNotYetValid, warning.Kind);
        Assert.Equal("users[\"ucs-fleet-a\"]", warning.Entry);
        Assert.Contains($"not valid before {early.NotBefore.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}", warning.Message, StringComparison.Ordinal);
        Assert.Empty(config.GetSecurityWarnings(notBefore.AddMinutes(1)));
    }

    [Fact]
    public async Task Weak_cluster_settings_are_kept_as_sent_but_reported()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, Answer(cluster: """{"server":"http://10.0.0.8:5443","insecure-skip-tls-verify":"true"}""")));
        using var client = new FleetClient(ClientFixture.Options(server));

        var config = await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());

        Assert.Equal(true, config.Clusters![0].Cluster!.InsecureSkipTlsVerify!.AsBoolean());
        Assert.Equal("http://10.0.0.8:5443", config.Clusters[0].Cluster!.Server);
        Assert.Equal(
            [KubeconfigWarningKind.InsecureSkipTlsVerify, KubeconfigWarningKind.PlainHttpServer],
            config.GetSecurityWarnings().Select(w => w.Kind));
        Assert.All(config.GetSecurityWarnings(), w => Assert.Equal("clusters[\"ucs-fleet-a\"]", w.Entry));
    }

    [Fact]
    public async Task A_cluster_without_a_CA_is_reported_and_a_verified_one_is_not()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, Answer(cluster: """{"server":"https://10.0.0.8:5443","certificate-authority-data":""}""")), ClientFixture.Respond(201, Answer()));
        using var client = new FleetClient(ClientFixture.Options(server));

        var withoutCa = await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());
        var verified = await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());

        Assert.Equal(KubeconfigWarningKind.NoCertificateAuthority, Assert.Single(withoutCa.GetSecurityWarnings()).Kind);
        Assert.Empty(verified.GetSecurityWarnings());
    }

    [Fact]
    public async Task The_documented_fixed_names_come_back_named_after_the_fleet()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(201, Answer()));
        using var client = new FleetClient(ClientFixture.Options(server));

        var config = await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());

        Assert.Equal(("ucs-fleet-a", "ucs-fleet-a", "ucs-fleet-a"), (config.Clusters![0].Name, config.Users![0].Name, config.Contexts![0].Name));
        Assert.Equal(("ucs-fleet-a", "ucs-fleet-a", "ucs-fleet-a"), (config.Contexts[0].Context!.Cluster, config.Contexts[0].Context!.User, config.CurrentContext));
    }

    [Fact]
    public async Task The_timeout_covers_a_body_that_trickles_in()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync("{", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var headersReceived = new HeadersReceivedSignal();
        var options = ClientFixture.Options(server);
        options.TimeProvider = clock;
        options.Timeout = TimeSpan.FromSeconds(30);
        options.Transport = headersReceived;
        using var client = new FleetClient(options);

        var call = client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());
        await headersReceived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("did not finish sending its answer within 30 s", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> OversizedBodies() => new() { "declared", "chunked", "endless", "gzip bomb" };

    [Theory]
    [MemberData(nameof(OversizedBodies))]
    public async Task A_success_body_over_the_limit_is_refused_after_decompression_without_reading_it_all(string kind)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
            switch (kind)
            {
                case "declared":
                    context.Response.ContentLength = 200L * 1024 * 1024;
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    break;
                case "gzip bomb":
                    context.Response.Headers.ContentEncoding = "gzip";
                    using (var compressed = new MemoryStream())
                    {
                        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                        {
                            for (var i = 0; i < 1024; i++)
                            {
                                await gzip.WriteAsync(chunk);
                            }
                        }

                        await context.Response.Body.WriteAsync(compressed.ToArray(), context.RequestAborted);
                    }

                    break;
                default:
                    for (var i = 0; i < (kind == "endless" ? 16 * 1024 : 32) && !context.RequestAborted.IsCancellationRequested; i++)
                    {
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    }

                    break;
            }
        });
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));

        Assert.Contains($"the body is larger than {FleetClientOptions.DefaultMaxResponseBodySize} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_short_says_so()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[64 * 1024];
            var received = new StringBuilder();
            while (!received.ToString().Contains("\"duration\"", StringComparison.Ordinal))
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, await socket.ReceiveAsync(buffer)));
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"kind\":\"Config\""));
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });
        using var client = new FleetClient(new FleetClientOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/"),
            AllowHttp = true,
            Credentials = new TokenCredentials(ClientFixture.Token),
        });

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));

        await serving;
        Assert.Contains("UCS answered 201 (Created), but the body was cut short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_thousand_entries_are_refused_at_once_by_their_count()
    {
        var many = string.Concat(Enumerable.Range(0, 100_000).Select(i => $",{{\"name\":\"c{i}\",\"cluster\":{{\"server\":\"https://10.0.0.{i % 250}:1\"}}}}"));

        var error = await RefusedAsync(Answer(clusters: many), o => o.MaxResponseBodySize = 64 * 1024 * 1024);

        Assert.Contains("clusters: a federation kubeconfig has exactly one entry here, this one has 100001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("file")]
    public async Task A_redirect_from_https_to_http_or_to_another_scheme_is_refused_and_nothing_goes_out_in_clear_text(string scheme)
    {
        await using var plain = await LoopbackServer.StartAsync(201, "{}");
        using var certificate = pki.IssueServerCertificate();
        var location = scheme == "http" ? new Uri(plain.BaseUrl, "/v1/clustergroups/fleet-a/cert").ToString() : "file:///etc/passwd";
        await using var secure = await LoopbackServer.StartAsync(ClientFixture.Respond(307, null, ("Location", location)), certificate);
        var options = ClientFixture.Options(secure);
        options.Transport = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, cert, _, _) => pki.IsIssuerOf(new System.Security.Cryptography.X509Certificates.X509Certificate2(cert!)) },
        };
        using var client = new FleetClient(options);

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));

        Assert.Equal(307, error.StatusCode);
        Assert.Contains(scheme == "http" ? "it redirects from https to http://127.0.0.1" : "it redirects to a file: URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(plain.Requests);
        Assert.Single(secure.Requests);
    }

    [Fact]
    public async Task Secrets_the_server_echoes_are_redacted_from_every_part_of_the_error()
    {
        var credentials = new AkSkCredentials(ClientFixture.AccessKey, ClientFixture.SecretKey, ClientFixture.SecurityToken);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var sent = $"{context.Request.Headers["Authorization"]} {context.Request.Headers["X-Security-Token"]}";
            context.Response.StatusCode = 401;
            context.Response.Headers["X-Echo"] = sent;
            context.Response.Headers["X-Request-Id"] = ClientFixture.SecurityToken;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"error_code":"UCS.00000018","error_msg":"bad credentials: {{sent}}","request_id":"r-{{ClientFixture.AccessKey}}","hint":"{{ClientFixture.SecurityToken}}"}""");
        });
        using var client = new FleetClient(ClientFixture.Options(server, credentials));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));

        var everything = string.Join("\n", new[] { error.Message, error.ErrorMessage, error.RequestId, error.RawBody, error.ToString(), error.EncodedAuthorizationMessage }
            .Concat(error.ResponseHeaders.SelectMany(h => h.Value)));
        Assert.DoesNotContain(ClientFixture.AccessKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFixture.SecurityToken, everything, StringComparison.Ordinal);
        Assert.Contains(Http.SecretRedactor.Replacement, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_text_cannot_start_a_new_line_or_send_escape_sequences_through_the_message()
    {
        await using var server = await ClientFixture.Scripted(ClientFixture.Respond(
            400, """{"error_code":"UCS.1","error_msg":"x\nfleetgen: ok\u001b]0;owned\u0007\r\u202Eevil","request_id":"id\nforged"}"""));
        using var client = new FleetClient(ClientFixture.Options(server));

        var error = await Assert.ThrowsAsync<UcsApiException>(() => client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request()));

        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || c == '\u202E');
        Assert.Contains("x\\nfleetgen: ok\\u001B]0;owned\\u0007\\r\\u202Eevil", error.Message, StringComparison.Ordinal);
        Assert.Contains("request id id\\nforged", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("provider")]
    [InlineData("access key")]
    [InlineData("security token")]
    [InlineData("domain id")]
    public async Task A_credential_that_would_inject_a_header_is_refused_before_anything_is_sent(string source)
    {
        const string hostile = "TOK\r\nX-Injected: evil";
        await using var server = await ClientFixture.KubeconfigServer();

        Exception error = source switch
        {
            "token" => Assert.Throws<ArgumentException>(() => new TokenCredentials(hostile)),
            "access key" => Assert.Throws<ArgumentException>(() => new AkSkCredentials(hostile, "sk")),
            "security token" => Assert.Throws<ArgumentException>(() => new AkSkCredentials("ak", "sk", securityToken: hostile)),
            "domain id" => Assert.Throws<ArgumentException>(() => new AkSkCredentials("ak", "sk", domainId: hostile)),
            _ => await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                using var client = new FleetClient(ClientFixture.Options(server, new TokenCredentials(_ => ValueTask.FromResult(hostile))));
                await client.Federation.CreateFederationCertAsync("fleet-a", ClientFixture.Request());
            }),
        };

        Assert.Contains("contains a control character (U+000D) at position 4", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(FleetCredentials.TokenVariable)]
    [InlineData(FleetCredentials.SecurityTokenVariable)]
    [InlineData(FleetCredentials.DomainIdVariable)]
    public void An_environment_variable_that_would_inject_a_header_is_refused_by_name(string variable)
    {
        var environment = new Dictionary<string, string>
        {
            [variable == FleetCredentials.TokenVariable ? variable : FleetCredentials.AccessKeyVariable] = variable == FleetCredentials.TokenVariable ? "TOK\nX-Injected: evil" : "AK",
            [FleetCredentials.SecretKeyVariable] = "SK",
        };
        if (variable != FleetCredentials.TokenVariable)
        {
            environment.Remove(FleetCredentials.TokenVariable);
            environment[variable] = "V\r\nX-Injected: evil";
        }
        else
        {
            environment.Remove(FleetCredentials.SecretKeyVariable);
        }

        var error = Assert.Throws<FleetCredentialsException>(() => FleetCredentials.FromEnvironment(name => environment.GetValueOrDefault(name)));

        Assert.StartsWith($"{variable} contains a control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_with_user_information_is_refused_without_showing_it()
    {
        var error = Assert.Throws<FleetClientOptionsException>(() => new FleetClient(new FleetClientOptions
        {
            Endpoint = new Uri("https://evil.example:hunter2@127.0.0.1/"),
            Credentials = new TokenCredentials("t"),
        }));

        Assert.Contains("must not carry user information", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", "p", "clustergroupid")]
    [InlineData("fleet-a", "\t ", "projectID")]
    public async Task Ids_made_only_of_whitespace_are_refused_before_sending(string fleetId, string projectId, string field)
    {
        await using var server = await ClientFixture.KubeconfigServer();
        using var client = new FleetClient(ClientFixture.Options(server));
        var request = ClientFixture.Request();
        request.ProjectID = projectId;

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => client.Federation.CreateFederationCertAsync(fleetId, request));

        Assert.Contains(error.Violations, v => v.Field == field && v.Rule == "must not be only whitespace");
        Assert.Empty(server.Requests);
    }
}
