using FleetGen.Testing.Server;

namespace FleetGen.Client.Tests.Support;

/// <summary>The fake server's signature check (written apart from the client's signer), on a request the loopback server recorded.</summary>
internal static class IndependentSignatureVerifier
{
    public static bool Verify(RecordedRequest request, string accessKey, string secretKey, out string reason) =>
        SignatureVerifier.Verify(request.Method, request.RawTarget, request.Headers, request.Body, accessKey, secretKey, out reason);
}
