using FleetGen.Client;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The configuration keys of a FleetClient section, all optional: <c>Endpoint</c> (an https URL) or <c>Region</c>
/// (<c>cn</c>, <c>intl</c>, or a preset name such as <c>International</c>), <c>Timeout</c>, <c>MaxRedirects</c>,
/// <c>MaxResponseBodySize</c>, <c>AllowHttp</c>, <c>LockDirectory</c>, and <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c>,
/// <c>Retry:MaxDelay</c>, <c>Retry:MaxRetryAfter</c>, <c>Retry:AttemptTimeout</c> (times as <c>00:00:30</c>). Credentials
/// are never read from configuration (they come from code, or the default credential chain). The configuration binder's source generator reads the
/// section (<see cref="BinderOptions.ErrorOnUnknownConfiguration"/>): an unknown key or a value that does not parse fails, naming the key.
/// </summary>
public static class FleetClientConfiguration
{
    /// <summary>Sets the options that <paramref name="section"/> names.</summary>
    /// <exception cref="FleetClientOptionsException">A key is unknown, a value does not parse, or both Endpoint and Region are set.</exception>
    public static void Bind(IConfiguration section, FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var path = (section as IConfigurationSection)?.Path;
        var settings = new FleetClientSection();
        try
        {
            section.Bind(settings, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the unknown key or the value and key it could not convert; it stops at the first.
            throw new FleetClientOptionsException([new FleetOptionViolation(path ?? string.Empty, $"{e.Message.TrimEnd('.')}. Known keys: {FleetClientSection.Keys}; credentials come from code or the default credential chain, never from configuration.")]);
        }

        var problems = new List<string>();
        if (settings.Endpoint is not null && settings.Region is not null)
        {
            problems.Add("Endpoint: give Endpoint or Region, not both");
        }
        else if (settings.Endpoint is { } endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                options.Endpoint = uri;
            }
            else
            {
                problems.Add($"Endpoint: \"{endpoint}\" is not an absolute URL");
            }
        }
        else if (settings.Region is { } region)
        {
            var preset = region.ToLowerInvariant() switch
            {
                "cn" or "chinesemainland" => UcsEndpoints.ChineseMainland,
                "intl" or "international" => UcsEndpoints.International,
                _ => null,
            };
            if (preset is null)
            {
                problems.Add($"Region: \"{region}\" is not cn, intl, ChineseMainland or International");
            }
            else
            {
                options.Endpoint = preset;
            }
        }

        if (problems.Count > 0)
        {
            var prefix = string.IsNullOrEmpty(path) ? string.Empty : path + ":";
            throw new FleetClientOptionsException(problems.Select(p => FleetOptionViolation.Parse(prefix + p)).ToList());
        }

        settings.ApplyTo(options);
    }
}
