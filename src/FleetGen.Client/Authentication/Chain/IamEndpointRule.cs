namespace FleetGen.Client.Authentication;

/// <summary>Which IAM endpoints credentials may be exchanged with: https, or http on a loopback address (tests).</summary>
internal static class IamEndpointRule
{
    public static string? Problem(Uri endpoint) =>
        !endpoint.IsAbsoluteUri ? "must be an absolute URL"
        : endpoint.UserInfo.Length > 0 ? "must not carry user information"
        : endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback) ? null
        : $"{SafeText.OneLine(endpoint.GetLeftPart(UriPartial.Authority))} must be https (http only on a loopback address)";

    /// <summary>A configured value as a URL: <c>https://</c> is added when the scheme is missing, as the official SDKs do.</summary>
    public static Uri? Parse(string text) =>
        Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri) ? uri : null;
}
