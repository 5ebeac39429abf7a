namespace FleetGen.Client.Credentials;

/// <summary>The credential cache cannot be used: its folder or file, or what was to be cached. Never holds certificate or key data.</summary>
public sealed class FederationCredentialCacheException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FederationCredentialCacheException(string message, Exception? innerException = null)
        : base($"credential cache: {message}", innerException)
    {
    }
}
