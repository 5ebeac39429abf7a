namespace FleetGen.Client.Authentication;

/// <summary><c>UCS_AUTH_TOKEN</c>: an IAM token, first of the chain as FleetGen always had it.</summary>
internal sealed class TokenVariableSource(ChainContext context) : CredentialSource
{
    public override string Name => FleetCredentials.TokenVariable;

    public override Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken) => Task.FromResult(
        context.Variable(FleetCredentials.TokenVariable) is not { } token ? SourceOutcome.Nothing("not set")
        : CredentialValue.Problem(token) is { } problem ? SourceOutcome.Nothing(problem)
        : SourceOutcome.Found(new SourceCredential(new TokenCredentials(token), null, DefaultCredentialChainOptions.DefaultIamEndpoint, FleetCredentials.TokenVariable)));
}
