using FleetGen.Client.Authentication;
using FleetGen.Client.Models;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Client.Tests.Support;

/// <summary>Building blocks of the client tests: options for a loopback server, the documented request, canned bodies.</summary>
internal static class ClientFixture
{
    public const string Token = "tok-SECRET-a1b2c3";
    public const string AccessKey = "AKTESTFLEETGEN";
    public const string SecretKey = "SK-SECRET-9f8e7d6c5b4a";
    public const string SecurityToken = "STS-SECRET-token";

    public static string KubeconfigJson { get; } = """
        {"kind":"Config","apiVersion":"v1",
         "clusters":[{"name":"fed","cluster":{"server":"https://10.0.0.8:5443","certificate-authority-data":""}}],
         "users":[{"name":"fed-user","user":{"client-certificate-data":"","client-key-data":"","token":""}}],
         "contexts":[{"name":"fed","context":{"cluster":"fed","user":"fed-user"}}],
         "current-context":"fed"}
        """;

    public static FleetClientOptions Options(LoopbackServer server, FleetCredentials? credentials = null) => new()
    {
        Endpoint = server.BaseUrl,
        AllowHttp = true,
        Credentials = credentials ?? new TokenCredentials(Token),
        Retry = new FleetRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static CreateFederationCertRequestBody Request(int? duration = 30) => new()
    {
        ProjectID = "08d44be1ef00d22e2f6fc0061f54a2f1",
        VpcID = "11c9fe72-5a90-4295-bcfe-774726fb9066",
        SubnetID = "0de91d89-1e06-4e24-b371-35d5d3d3779b",
        Duration = duration,
    };

    public static Task<LoopbackServer> KubeconfigServer() => LoopbackServer.StartAsync(201, KubeconfigJson);

    /// <summary>A server that answers the n-th request (from 0) with the n-th responder, and the last one after that.</summary>
    public static Task<LoopbackServer> Scripted(params Func<Microsoft.AspNetCore.Http.HttpContext, Task>[] responders)
    {
        var count = -1;
        return LoopbackServer.StartAsync(context => responders[Math.Min(Interlocked.Increment(ref count), responders.Length - 1)](context));
    }

    /// <summary>A responder that reports the request's arrival and never answers (until the client gives up).</summary>
    public static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Hang(Action arrived) =>
        async context =>
        {
            arrived();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };

    public static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Respond(int status, string? body = null, params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        };
}
