namespace FleetGen.Client.Authentication;

/// <summary>What is wrong with the credentials the environment holds.</summary>
public enum FleetCredentialProblem
{
    /// <summary>No credentials are set.</summary>
    Missing,

    /// <summary>Only one of the access key and the secret key is set.</summary>
    Incomplete,

    /// <summary>Both a token and AK/SK are set, and no kind was chosen.</summary>
    Ambiguous,

    /// <summary>The chosen kind is not set.</summary>
    ChosenKindMissing,

    /// <summary>A value holds a character an HTTP header cannot carry.</summary>
    Unsendable,

    /// <summary>No source of the <see cref="DefaultCredentialChain"/> yielded credentials; the message says why for each.</summary>
    NotFound,

    /// <summary>The chain's source failed to renew expired credentials, or the account (domain) id could not be looked up.</summary>
    Unavailable,
}

/// <summary>
/// The environment's or the chain's credentials cannot be used; <see cref="Problem"/> says why, the message names the
/// variables, files and addresses (never a secret). A state of this machine, hence an <see cref="InvalidOperationException"/>;
/// credentials UCS refuses are a <see cref="UcsApiException"/> with status 401 or 403.
/// </summary>
public sealed class FleetCredentialsException(FleetCredentialProblem problem, string message) : InvalidOperationException(message)
{
    /// <summary>What is wrong.</summary>
    public FleetCredentialProblem Problem { get; } = problem;
}
