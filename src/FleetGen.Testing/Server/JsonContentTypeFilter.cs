using FleetGen.Client;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace FleetGen.Testing.Server;

/// <summary>
/// A request with a body must say <c>Content-Type: application/json</c> (UCS's common headers), exactly: MVC's JSON
/// reader would also take <c>text/json</c> and any <c>application/*+json</c>. Anything else is 415 UCS.00000016,
/// the status saying what HTTP refused and the documented code for a wrong header.
/// </summary>
internal sealed class JsonContentTypeFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true })
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = UcsErrorResponses.Result(415, UcsErrorCodes.InvalidHeaderValue, "Invalid header value.");
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
