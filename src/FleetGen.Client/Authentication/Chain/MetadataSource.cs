namespace FleetGen.Client.Authentication;

/// <summary>
/// The temporary AK/SK of an ECS server's agency, from its metadata service: a session token
/// (<c>PUT /meta-data/latest/api/token</c>; 404, 405 or 503 mean none), then <c>GET /openstack/latest/securitykey</c>
/// with it. A 401 that is not "configure an agency first" gets a new token and one retry. Off ECS nothing answers, or
/// something upstream answers 403/404 at once: both mean "no metadata service", and the chain goes on.
/// </summary>
internal sealed class MetadataSource(ChainContext context) : CredentialSource
{
    private const string TokenPath = "/meta-data/latest/api/token";
    private const string SecurityKeyPath = "/openstack/latest/securitykey";
    private const string NoAgency = "Please configure Cloud Service Agency first";

    public override string Name => $"ECS metadata ({Base.GetLeftPart(UriPartial.Authority)})";

    private Uri Base => context.Options.MetadataEndpoint;

    public override async Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (token, absent) = await SessionTokenAsync(cancellationToken).ConfigureAwait(false);
            if (absent is not null)
            {
                return SourceOutcome.Nothing(absent);
            }

            var answer = await SecurityKeyAsync(token, cancellationToken).ConfigureAwait(false);
            if (answer.Status == 401 && !answer.Text.Contains(NoAgency, StringComparison.Ordinal))
            {
                (token, absent) = await SessionTokenAsync(cancellationToken).ConfigureAwait(false);
                if (absent is not null)
                {
                    return SourceOutcome.Nothing(absent);
                }

                answer = await SecurityKeyAsync(token, cancellationToken).ConfigureAwait(false);
            }

            if (answer.Status is 403 or 404)
            {
                return SourceOutcome.Nothing($"no metadata service (GET {SecurityKeyPath} answered {answer.Status})");
            }

            if (answer.Status == 401)
            {
                return SourceOutcome.Nothing(answer.Text.Contains(NoAgency, StringComparison.Ordinal)
                    ? $"the server has no agency (GET {SecurityKeyPath}: \"{NoAgency}\")"
                    : $"GET {SecurityKeyPath} answered 401 again with a new session token");
            }

            if (answer.Status != 200)
            {
                return SourceOutcome.Nothing($"GET {SecurityKeyPath} answered {answer.Status}");
            }

            return TemporaryCredentialAnswer.Outcome(context, answer, $"GET {SecurityKeyPath}", Name);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return SourceOutcome.Nothing($"no metadata service ({SafeText.OneLine(e.Message)})");
        }
    }

    /// <summary>The session token; <c>null</c> when the service has none to give; or why there is no metadata service.</summary>
    private async Task<(string? Token, string? Absent)> SessionTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Base, TokenPath));
        request.Headers.TryAddWithoutValidation("X-Metadata-Token-Ttl-Seconds", "21600");
        var answer = await context.Http.SendAsync(request, context.Options.MetadataTimeout, cancellationToken).ConfigureAwait(false);
        switch (answer.Status)
        {
            case 200:
                var token = answer.Text.Trim();
                return token.Length == 0 ? (null, $"PUT {TokenPath} answered an empty token")
                    : CredentialValue.Problem(token) is { } bad ? (null, $"PUT {TokenPath}: the session token {bad}")
                    : (token, null);
            case 403 or 404 or 405 or 503:
                // No session token (403 also from whatever answers for an address that is not there): go on without one.
                return (null, null);
            default:
                return (null, $"PUT {TokenPath} answered {answer.Status}");
        }
    }

    private async Task<ChainAnswer> SecurityKeyAsync(string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Base, SecurityKeyPath));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Metadata-Token", token);
        }

        return await context.Http.SendAsync(request, context.Options.MetadataTimeout, cancellationToken).ConfigureAwait(false);
    }
}
