using System.Text.Json;
using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>Writes error answers in the documented UCS shape, with the contract's error model.</summary>
internal static class UcsErrorResponses
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(code, message), JsonSerializerOptions.Web, context.RequestAborted);
    }

    public static UcsError Body(string code, string message) => new() { Error_code = code, Error_msg = message };

    public static Task Unauthorized(HttpContext context) => WriteAsync(context, 401, UcsErrorCodes.AuthorizationFailed, "Authorization failed.");
}
