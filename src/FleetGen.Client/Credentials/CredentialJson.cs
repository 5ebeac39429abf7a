using System.Text.Json.Serialization;

namespace FleetGen.Client.Credentials;

/// <summary>A cached credential as its file holds it (<see cref="CredentialCacheFile"/>), in this order.</summary>
internal sealed record CredentialCacheDocument(string Kind, int Version, string Endpoint, string Fleet, string NotBefore, string NotAfter, string ClientCertificateData, string ClientKeyData);

/// <summary>The <c>ExecCredential</c> an exec credential plugin prints for kubectl.</summary>
internal sealed record ExecCredentialDocument(string ApiVersion, string Kind, ExecCredentialStatus Status);

/// <summary>The <c>status</c> of an <see cref="ExecCredentialDocument"/>: the certificate, its key, and when to ask again.</summary>
internal sealed record ExecCredentialStatus(string ClientCertificateData, string ClientKeyData, string ExpirationTimestamp);

/// <summary>The cache file, indented for a person who opens it; written by System.Text.Json's source generator (no reflection, Native AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CredentialCacheDocument))]
internal sealed partial class CredentialCacheJsonContext : JsonSerializerContext;

/// <summary>The ExecCredential on one line, as kubectl reads it from the plugin's stdout.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExecCredentialDocument))]
internal sealed partial class ExecCredentialJsonContext : JsonSerializerContext;
