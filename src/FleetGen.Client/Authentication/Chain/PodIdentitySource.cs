using System.Text;

namespace FleetGen.Client.Authentication;

/// <summary>
/// CCE Pod Identity: <c>POST $HC_CONTAINER_CREDENTIALS_FULL_URI</c> with <c>{}</c> and <c>Authorization</c> set to the
/// content of <c>$HC_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (read again for every fetch); the answer holds temporary AK/SK.
/// </summary>
internal sealed class PodIdentitySource(ChainContext context) : CredentialSource
{
    public override string Name => $"CCE Pod Identity ({ChainContext.PodIdentityUriVariable})";

    public override async Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken)
    {
        var (uriText, tokenFile) = (context.Variable(ChainContext.PodIdentityUriVariable), context.Variable(ChainContext.PodIdentityTokenFileVariable));
        if (uriText is null || tokenFile is null)
        {
            return SourceOutcome.Nothing(uriText is null && tokenFile is null
                ? $"{ChainContext.PodIdentityUriVariable} and {ChainContext.PodIdentityTokenFileVariable} are not set"
                : $"only {(uriText is null ? ChainContext.PodIdentityTokenFileVariable : ChainContext.PodIdentityUriVariable)} is set; both are needed");
        }

        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            return SourceOutcome.Nothing($"{ChainContext.PodIdentityUriVariable} is not an http or https URL without user information");
        }

        var (token, problem) = await ChainFile.ReadTokenAsync(tokenFile, ChainContext.PodIdentityTokenFileVariable, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return SourceOutcome.Nothing(problem!);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        var shown = SafeText.OneLine(uri.GetLeftPart(UriPartial.Path));
        var answer = await context.Http.SendAsync(request, context.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (answer.Status != 200)
        {
            return SourceOutcome.Nothing($"POST {shown} answered {answer.Status}");
        }

        return TemporaryCredentialAnswer.Outcome(context, answer, $"POST {shown}", $"CCE Pod Identity ({shown})");
    }
}
