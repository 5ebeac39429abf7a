using FleetGen.Client.Models;

namespace FleetGen.Client.KubeconfigFiles;

/// <summary>Kubeconfigs whose users get their credentials from an exec credential plugin (such as <c>fleetgen credential</c>).</summary>
public static class KubeconfigExecPluginExtensions
{
    extension(Kubeconfig kubeconfig)
    {
        /// <summary>
        /// A copy whose users get their credentials from an exec credential plugin instead of the file: each user's client
        /// certificate, key and token are left out and <c>exec</c> runs <paramref name="command"/> with
        /// <paramref name="arguments"/> (<c>apiVersion</c> <see cref="Kubeconfig.ExecCredentialApiVersion"/>, <c>interactiveMode: Never</c>).
        /// Clusters (server, CA) and contexts stay as they are.
        /// </summary>
        /// <exception cref="ArgumentException">The command is blank or an argument is null or holds a line break.</exception>
        public Kubeconfig WithExecCredentialPlugin(string command, IReadOnlyList<string> arguments) => kubeconfig.WithExecCredentialPlugin(command, arguments, installHint: null);

        /// <summary>As <see cref="extension(Kubeconfig).WithExecCredentialPlugin(string, IReadOnlyList{string})"/>, with the <c>installHint</c> kubectl shows when the command is missing.</summary>
        /// <exception cref="ArgumentException">The command is blank, an argument is null or holds a line break, or the hint holds a control character other than a line break.</exception>
        public Kubeconfig WithExecCredentialPlugin(string command, IReadOnlyList<string> arguments, string? installHint)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(command);
            ArgumentNullException.ThrowIfNull(arguments);
            if (arguments.Any(a => a is null || a.AsSpan().ContainsAny('\r', '\n')))
            {
                throw new ArgumentException("exec arguments must not be null or hold line breaks.", nameof(arguments));
            }

            if (installHint is not null && installHint.Any(c => char.IsControl(c) && c != '\n'))
            {
                throw new ArgumentException("installHint must not hold control characters other than line breaks.", nameof(installHint));
            }

            var copy = KubeconfigYaml.Copy(kubeconfig);
            foreach (var user in copy.Users ?? [])
            {
                user.User ??= new AuthInfo();
                user.User.ClientCertificateData = null;
                user.User.ClientKeyData = null;
                user.User.Token = null;
                var exec = new Dictionary<string, object>
                {
                    ["apiVersion"] = Kubeconfig.ExecCredentialApiVersion,
                    ["command"] = command,
                    ["args"] = arguments.ToList(),
                    ["interactiveMode"] = "Never",
                    ["provideClusterInfo"] = false,
                };
                if (installHint is not null)
                {
                    exec["installHint"] = installHint;
                }

                user.User.AdditionalData["exec"] = exec;
            }

            return copy;
        }
    }
}
