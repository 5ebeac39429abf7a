using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FleetGen.Client.Authentication;
using Microsoft.AspNetCore.Http;

namespace FleetGen.Testing.Server;

/// <summary>
/// Lets a request through with an accepted <c>X-Auth-Token</c>, or with a valid SDK-HMAC-SHA256 signature by a
/// configured access key whose <c>X-Sdk-Date</c> is within the clock-skew window; anything else gets 401 UCS.00000018.
/// </summary>
internal sealed partial class AuthenticationMiddleware(RequestDelegate next, FakeUcsState state)
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

        var match = AuthorizationHeader().Match(request.Headers.Authorization.ToString());
        if (!match.Success || !state.Options.AccessKeys.TryGetValue(match.Groups["ak"].Value, out var secretKey))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(request.Headers[AkSkSigner.DateHeader].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (state.Options.TimeProvider.GetUtcNow() - signedAt).Duration() > state.Options.ClockSkew)
        {
            return false;
        }

        var signedHeaders = match.Groups["signed"].Value.Split(';')
            .Select(name => KeyValuePair.Create(name, request.Headers[name].ToString()))
            .ToList();
        var received = (FakeUcsRequest)context.Items[typeof(FakeUcsRequest)]!;
        var uri = new Uri($"{request.Scheme}://{request.Host}{received.RawTarget}");
        var expected = AkSkSigner.Authorization(match.Groups["ak"].Value, secretKey, request.Method, uri, signedHeaders, received.Body);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString()));
    }

    [GeneratedRegex("^SDK-HMAC-SHA256 Access=(?<ak>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=[0-9a-f]{64}$")]
    private static partial Regex AuthorizationHeader();
}
