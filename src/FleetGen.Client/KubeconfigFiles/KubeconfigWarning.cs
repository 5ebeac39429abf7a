namespace FleetGen.Client.KubeconfigFiles;

/// <summary>
/// Something a kubeconfig allows that weakens the connection to its cluster, or a client certificate that cannot work
/// yet. The service may mean it, so it is kept
/// as sent, but it is reported: <see cref="Models.Kubeconfig.GetSecurityWarnings()"/> lists them and fleetgen prints them.
/// </summary>
/// <param name="Entry">The cluster or user entry, e.g. <c>clusters["ucs-fleet-a"]</c>.</param>
/// <param name="Kind">What is weak.</param>
/// <param name="Message">One line saying so.</param>
public sealed record KubeconfigWarning(string Entry, KubeconfigWarningKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Entry}: {Message}";
}

/// <summary>The kinds of <see cref="KubeconfigWarning"/>.</summary>
public enum KubeconfigWarningKind
{
    /// <summary><c>insecure-skip-tls-verify: true</c>: kubectl will not check the server's certificate.</summary>
    InsecureSkipTlsVerify,

    /// <summary>An <c>http://</c> server: requests and credentials travel in clear text.</summary>
    PlainHttpServer,

    /// <summary>No <c>certificate-authority-data</c>: kubectl checks the server against the machine's trusted roots.</summary>
    NoCertificateAuthority,

    /// <summary>The client certificate is not valid yet: the server refuses it until its NotBefore (e.g. the service's clock is ahead).</summary>
    ClientCertificateNotYetValid,
}
