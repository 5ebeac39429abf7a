using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>
/// Lets a request through with an accepted <c>X-Auth-Token</c>, or with a valid SDK-HMAC-SHA256 signature by a
/// configured access key whose <c>X-Sdk-Date</c> is within the clock-skew window; anything else gets 401 UCS.00000018.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, FakeUcsState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsAuthenticated(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await UcsErrorResponses.Unauthorized(context).ConfigureAwait(false);
    }

    private bool IsAuthenticated(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.TryGetValue("X-Auth-Token", out var token))
        {
            return state.Options.Tokens.Contains(token.ToString());
        }

        if (SignatureVerifier.AccessKeyOf(request.Headers.Authorization.ToString()) is not { } accessKey
            || !state.Options.AccessKeys.TryGetValue(accessKey, out var secretKey))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(request.Headers["X-Sdk-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (state.Options.TimeProvider.GetUtcNow() - signedAt).Duration() > state.Options.ClockSkew)
        {
            return false;
        }

        var received = (FakeUcsRequest)context.Items[typeof(FakeUcsRequest)]!;
        return SignatureVerifier.Verify(received.Method, received.RawTarget, received.Headers, received.Body, accessKey, secretKey, out _);
    }
}
