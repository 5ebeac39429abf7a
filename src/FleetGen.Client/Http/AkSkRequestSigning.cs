using FleetGen.Client.Authentication;

namespace FleetGen.Client.Http;

/// <summary>
/// Puts an AK/SK signature on a request: <c>Host</c>, <c>X-Sdk-Date</c>, <c>X-Domain-Id</c> and <c>X-Security-Token</c>
/// (when the credentials carry them) are signed, and the <c>Authorization</c> header names them.
/// </summary>
internal static class AkSkRequestSigning
{
    public static void Sign(HttpRequestMessage request, AkSkCredentials aksk, DateTimeOffset now, byte[] bodyHash)
    {
        var uri = request.RequestUri!;

        // The Host header that HttpClient sends for this URI (it is not set here, so what is signed is what is sent).
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        var headers = request.Headers;
        headers.Remove("Host");
        headers.Remove("Authorization");
        headers.Remove(CredentialHeaders.AuthToken);
        var signed = new List<KeyValuePair<string, string>> { new("Host", host) };
        Set(AkSkSigner.DateHeader, AkSkSigner.FormatDate(now));
        Set(CredentialHeaders.DomainId, aksk.DomainId);
        Set(CredentialHeaders.SecurityToken, aksk.SecurityToken);
        headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(aksk.AccessKey, aksk.SecretKey, request.Method.Method, uri, AkSkSigner.SignedHeaders(signed), bodyHash));

        void Set(string name, string? value)
        {
            headers.Remove(name);
            if (value is not null)
            {
                headers.TryAddWithoutValidation(name, value);
                signed.Add(new(name, value));
            }
        }
    }
}
