using System.Net.Http.Headers;
using System.Reflection;

namespace FleetGen.Client.Http;

/// <summary>Identifies the SDK as <c>FleetGen/&lt;package version&gt;</c>.</summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    public static readonly ProductInfoHeaderValue Product = new("FleetGen", PackageVersion());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(Product);
        return base.SendAsync(request, cancellationToken);
    }

    private static string PackageVersion()
    {
        var informational = typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = informational.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? informational : informational[..metadata];
    }
}
