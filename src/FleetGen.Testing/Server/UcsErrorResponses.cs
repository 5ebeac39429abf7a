using System.Text.Json.Nodes;
using FleetGen.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>
/// Writes every error answer of the fake in the documented UCS shape and nothing else:
/// <c>{"error_code": "...", "error_msg": "..."}</c> as <c>application/json</c>.
/// </summary>
internal static class UcsErrorResponses
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Json(code, message), context.RequestAborted);
    }

    public static ContentResult Result(int status, string code, string message) =>
        new() { StatusCode = status, ContentType = "application/json", Content = Json(code, message) };

    public static Task Unauthorized(HttpContext context) => WriteAsync(context, 401, UcsErrorCodes.AuthorizationFailed, "Authorization failed.");

    /// <summary>
    /// The documented code for an answer that has only a status (no route, wrong method, body too large, wrong content
    /// type, an exception). The rule: the status keeps saying what went wrong in HTTP terms, since clients and proxies
    /// act on 404, 405, 413 and 415; the body carries the documented UCS code nearest in meaning, with its documented message.
    /// </summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        401 => (UcsErrorCodes.AuthorizationFailed, "Authorization failed."),
        403 => (UcsErrorCodes.RequestForbidden, "Request forbidden."),
        404 or 405 => (UcsErrorCodes.ResourceNotFound, "No requested resources found."),
        415 => (UcsErrorCodes.InvalidHeaderValue, "Invalid header value."),
        429 => (UcsErrorCodes.Throttled, "The throttling threshold has been reached."),
        >= 500 => (UcsErrorCodes.InternalError, "Server internal error."),
        _ => (UcsErrorCodes.InvalidRequestBody, "Invalid request body."),
    };

    private static string Json(string code, string message) =>
        new JsonObject { ["error_code"] = code, ["error_msg"] = message }.ToJsonString();
}
