using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>
/// The outermost step: an error answer that left the pipeline with a status and no body (no route, wrong method,
/// unsupported content type), and an exception (a body over Kestrel's limit, a bug of the fake), become UCS error
/// bodies with <see cref="UcsErrorResponses.ForStatus"/>'s code, so that no answer of the fake is empty or problem+json.
/// </summary>
internal sealed class ErrorAnswerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var requestId = context.Response.Headers["X-Request-Id"];
            context.Response.Clear();
            context.Response.Headers["X-Request-Id"] = requestId;
            context.Response.StatusCode = exception is BadHttpRequestException badRequest ? badRequest.StatusCode : 500;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && !context.RequestAborted.IsCancellationRequested && !HttpMethods.IsHead(context.Request.Method))
        {
            var (code, message) = UcsErrorResponses.ForStatus(response.StatusCode);
            await UcsErrorResponses.WriteAsync(context, response.StatusCode, code, message).ConfigureAwait(false);
        }
    }
}
