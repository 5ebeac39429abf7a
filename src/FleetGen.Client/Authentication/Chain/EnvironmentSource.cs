namespace FleetGen.Client.Authentication;

/// <summary>
/// The official SDKs' environment: <c>HUAWEICLOUD_SDK_IDP_ID</c> + <c>HUAWEICLOUD_SDK_ID_TOKEN_FILE</c> (OIDC; wins when
/// both are set), else <c>HUAWEICLOUD_SDK_AK</c> + <c>HUAWEICLOUD_SDK_SK</c> with the optional security token and domain id.
/// </summary>
internal sealed class EnvironmentSource(ChainContext context) : CredentialSource
{
    public override string Name => "environment (HUAWEICLOUD_SDK_*)";

    public override async Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken)
    {
        var (idp, idTokenFile) = (context.Variable(ChainContext.IdpIdVariable), context.Variable(ChainContext.IdTokenFileVariable));
        var (ak, sk) = (context.Variable(FleetCredentials.AccessKeyVariable), context.Variable(FleetCredentials.SecretKeyVariable));
        var token = context.Variable(FleetCredentials.SecurityTokenVariable);
        var domainId = context.Variable(FleetCredentials.DomainIdVariable);
        var checkedNames = new[] { (ChainContext.IdpIdVariable, idp), (FleetCredentials.AccessKeyVariable, ak), (FleetCredentials.SecretKeyVariable, sk), (FleetCredentials.SecurityTokenVariable, token), (FleetCredentials.DomainIdVariable, domainId) };
        foreach (var (name, value) in checkedNames)
        {
            if (value is not null && CredentialValue.Problem(value) is { } problem)
            {
                return SourceOutcome.Nothing($"{name} {problem}");
            }
        }

        if (idp is not null && idTokenFile is not null)
        {
            var (iam, iamProblem) = context.Iam(null, ChainContext.IamEndpointVariable);
            return iam is null
                ? SourceOutcome.Nothing(iamProblem!)
                : await context.Oidc.ExchangeAsync(idp, idTokenFile, domainId, iam, $"the environment ({ChainContext.IdpIdVariable}, {ChainContext.IdTokenFileVariable})", cancellationToken).ConfigureAwait(false);
        }

        if (ak is not null && sk is not null)
        {
            var (iam, iamProblem) = context.Iam(null, ChainContext.IamEndpointVariable);
            return iam is null
                ? SourceOutcome.Nothing(iamProblem!)
                : SourceOutcome.Found(new SourceCredential(new AkSkCredentials(ak, sk, token, domainId), null, iam, $"the environment ({FleetCredentials.AccessKeyVariable}, {FleetCredentials.SecretKeyVariable})"));
        }

        return SourceOutcome.Nothing(
            ak is not null || sk is not null ? $"only {(ak is null ? FleetCredentials.SecretKeyVariable : FleetCredentials.AccessKeyVariable)} is set; AK/SK signing needs both"
            : idp is not null || idTokenFile is not null ? $"only {(idp is null ? ChainContext.IdTokenFileVariable : ChainContext.IdpIdVariable)} is set; OIDC needs both {ChainContext.IdpIdVariable} and {ChainContext.IdTokenFileVariable}"
            : $"neither {FleetCredentials.AccessKeyVariable}/{FleetCredentials.SecretKeyVariable} nor {ChainContext.IdpIdVariable}/{ChainContext.IdTokenFileVariable} is set");
    }
}
