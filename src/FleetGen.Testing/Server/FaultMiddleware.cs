using System.Globalization;
using FleetGen.Client;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>Plays the next queued <see cref="FakeUcsFault"/>, if any, in place of the normal answer.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FakeUcsState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var fault = state.NextFault();
        switch (fault?.Kind)
        {
            case null:
                break;
            case FakeUcsFaultKind.Slow:
                await Task.Delay(fault.Delay!.Value, state.Options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                break;
            case FakeUcsFaultKind.DropConnection:
                context.Abort();
                return;
            case FakeUcsFaultKind.ActThenFail:
                var answer = context.Response.Body;
                context.Response.Body = Stream.Null;
                await next(context).ConfigureAwait(false);
                context.Response.Body = answer;
                if (fault.StatusCode == 0)
                {
                    context.Abort();
                    return;
                }

                context.Response.Clear();
                await UcsErrorResponses.WriteAsync(context, fault.StatusCode, "APIG.0202", "Backend timeout.").ConfigureAwait(false);
                return;
            case FakeUcsFaultKind.MalformedJson:
                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"kind":"Config","apiVersion":"v1","clusters":[{"name":"cut""", context.RequestAborted).ConfigureAwait(false);
                return;
            case FakeUcsFaultKind.Error:
                if (fault.Delay is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                var (code, message) = fault.StatusCode switch
                {
                    429 => (UcsErrorCodes.Throttled, "The throttling threshold has been reached."),
                    500 => (UcsErrorCodes.InternalError, "Server internal error."),
                    503 => ("APIG.0201", "Backend unavailable."),
                    _ => ("APIG.0202", "Backend timeout."),
                };
                await UcsErrorResponses.WriteAsync(context, fault.StatusCode, code, message).ConfigureAwait(false);
                return;
        }

        await next(context).ConfigureAwait(false);
    }
}
