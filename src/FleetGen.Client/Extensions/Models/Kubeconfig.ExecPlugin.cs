using FleetGen.Client.KubeconfigFiles;

namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>The <c>apiVersion</c> of the exec credential plugins FleetGen writes and of the <c>ExecCredential</c> they print.</summary>
    public const string ExecCredentialApiVersion = "client.authentication.k8s.io/v1";

    /// <summary>
    /// A copy whose users get their credentials from an exec credential plugin instead of the file: each user's client
    /// certificate, key and token are left out and <c>exec</c> runs <paramref name="command"/> with
    /// <paramref name="arguments"/> (<c>apiVersion</c> <see cref="ExecCredentialApiVersion"/>, <c>interactiveMode: Never</c>).
    /// Clusters (server, CA) and contexts stay as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The command is blank or an argument is null or holds a line break.</exception>
    public Kubeconfig WithExecCredentialPlugin(string command, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Any(a => a is null || a.AsSpan().ContainsAny('\r', '\n')))
        {
            throw new ArgumentException("exec arguments must not be null or hold line breaks.", nameof(arguments));
        }

        var copy = KubeconfigYaml.ToModel(KubeconfigYaml.ToNode(this));
        foreach (var user in copy.Users ?? [])
        {
            user.User ??= new AuthInfo();
            user.User.ClientCertificateData = null;
            user.User.ClientKeyData = null;
            user.User.Token = null;
            user.User.AdditionalData["exec"] = new Dictionary<string, object>
            {
                ["apiVersion"] = ExecCredentialApiVersion,
                ["command"] = command,
                ["args"] = arguments.ToList(),
                ["interactiveMode"] = "Never",
                ["provideClusterInfo"] = false,
            };
        }

        return copy;
    }
}
