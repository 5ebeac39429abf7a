using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Client;

/// <summary>
/// What every kubeconfig answer must be before it is returned, since it will end up in the user's kubeconfig: every
/// kubeconfig rule holds on the whole answer (<see cref="KubeconfigValidator"/>) and no client certificate has expired.
/// Anything else raises <see cref="UcsApiException"/>: a half-usable kubeconfig is never returned. The operations that
/// answer one add their own rules (<see cref="FederationKubeconfigAnswer"/>).
/// </summary>
internal static class KubeconfigAnswer
{
    /// <param name="answer">The answer, read.</param>
    /// <param name="now">The time the certificates must still be valid at.</param>
    /// <param name="expired">The problem an expired client certificate of a user is, from its validity.</param>
    public static Kubeconfig Usable(FleetAnswer<Kubeconfig> answer, DateTimeOffset now, Func<NamedAuthInfo, DateTimeOffset, DateTimeOffset, string> expired)
    {
        var problems = KubeconfigValidator.Problems(answer.Value);
        if (problems.Count > 0)
        {
            throw answer.Unusable($"the body is not a usable kubeconfig: {string.Join("; ", problems)}");
        }

        foreach (var user in answer.Value.Users ?? [])
        {
            if (PemText.FromBase64Field(user.User?.ClientCertificateData) is { } certificate && PemText.TryReadValidity(certificate, out var notBefore, out var notAfter) && now > notAfter)
            {
                throw answer.Unusable(expired(user, notBefore, notAfter));
            }
        }

        return answer.Value;
    }
}
