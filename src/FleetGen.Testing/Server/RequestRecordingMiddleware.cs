using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FleetGen.Testing.Server;

/// <summary>Gives every answer an <c>X-Request-Id</c> and records every request as it arrived.</summary>
internal sealed class RequestRecordingMiddleware(RequestDelegate next, FakeUcsState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = state.NextRequestId();
        context.Response.Headers["X-Request-Id"] = requestId;
        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var recorded = new FakeUcsRequest(requestId, context.Request.Method, target, headers, body.ToArray());
        state.Record(recorded);
        context.Items[typeof(FakeUcsRequest)] = recorded;
        await next(context).ConfigureAwait(false);
    }
}
