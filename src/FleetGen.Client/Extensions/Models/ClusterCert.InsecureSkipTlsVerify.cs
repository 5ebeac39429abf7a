namespace FleetGen.Client.Models;

public partial class ClusterCert
{
    /// <summary>
    /// <c>insecure-skip-tls-verify</c> is documented both as a string and as a boolean, so the generated wrapper keeps
    /// whichever the service sent; this reads it as the boolean it means.
    /// </summary>
    public partial class ClusterCert_insecureSkipTlsVerify
    {
        /// <summary>
        /// The value as a boolean: a JSON boolean as is, a string <c>"true"</c>/<c>"false"</c> in any case; <c>null</c> when unset.
        /// </summary>
        /// <exception cref="FormatException">The service sent a string that is not <c>true</c> or <c>false</c>.</exception>
        public bool? AsBoolean()
        {
            if (Boolean is { } value)
            {
                return value;
            }

            if (String is null)
            {
                return null;
            }

            return bool.TryParse(String.Trim(), out var parsed)
                ? parsed
                : throw new FormatException($"insecure-skip-tls-verify must be true or false, but the service sent the string \"{String}\".");
        }

        /// <inheritdoc />
        public override string ToString() => Boolean?.ToString().ToLowerInvariant() ?? (String is null ? string.Empty : $"\"{String}\"");
    }
}
