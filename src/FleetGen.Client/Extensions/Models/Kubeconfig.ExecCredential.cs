namespace FleetGen.Client.Models;

public partial class Kubeconfig
{
    /// <summary>The <c>apiVersion</c> of the exec credential plugins FleetGen writes and of the <c>ExecCredential</c> they print.</summary>
    public const string ExecCredentialApiVersion = "client.authentication.k8s.io/v1";

    /// <summary>The <c>ExecCredential</c> versions FleetGen can print: <see cref="ExecCredentialApiVersion"/> and <c>client.authentication.k8s.io/v1beta1</c>.</summary>
    public static IReadOnlyList<string> ExecCredentialApiVersions { get; } = [ExecCredentialApiVersion, "client.authentication.k8s.io/v1beta1"];
}
