using System.Reflection;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FleetGen.Client.Http;

/// <summary>Identifies the SDK as <c>FleetGen/&lt;package version&gt;</c>, through Kiota's user agent handler.</summary>
internal static class FleetUserAgent
{
    private static readonly string Version = PackageVersion();

    public static UserAgentHandler Handler() => new(new UserAgentHandlerOption { ProductName = "FleetGen", ProductVersion = Version });

    private static string PackageVersion()
    {
        var informational = typeof(FleetUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = informational.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? informational : informational[..metadata];
    }
}
