using System.Globalization;
using FleetGen.Client;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The configuration keys of a FleetClient section, all optional: <c>Endpoint</c> (an https URL) or <c>Region</c>
/// (<c>cn</c>, <c>intl</c>, or a preset name such as <c>International</c>), <c>Timeout</c>, <c>MaxRedirects</c>,
/// <c>MaxResponseBodySize</c>, <c>AllowHttp</c>, <c>LockDirectory</c>, and <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c>,
/// <c>Retry:MaxDelay</c>, <c>Retry:MaxRetryAfter</c>, <c>Retry:AttemptTimeout</c> (times as <c>00:00:30</c>). Credentials
/// are never read from configuration (they come from code, or the default credential chain). An unknown key or a value that does not parse fails, naming the key.
/// </summary>
public static class FleetClientConfiguration
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "Endpoint", "Region", "Timeout", "MaxRedirects", "MaxResponseBodySize", "AllowHttp", "LockDirectory", "Retry",
    };

    private static readonly HashSet<string> KnownRetry = new(StringComparer.OrdinalIgnoreCase)
    {
        "MaxRetries", "BaseDelay", "MaxDelay", "MaxRetryAfter", "AttemptTimeout",
    };

    /// <summary>Sets the options that <paramref name="section"/> names.</summary>
    /// <exception cref="FleetClientOptionsException">A key is unknown, a value does not parse, or both Endpoint and Region are set.</exception>
    public static void Bind(IConfiguration section, FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var path = (section as IConfigurationSection)?.Path;
        var problems = new List<string>();
        foreach (var child in section.GetChildren().Where(c => !Known.Contains(c.Key)))
        {
            problems.Add($"{child.Key}: is not a FleetClient setting (known: {string.Join(", ", Known)}; credentials come from code or the default credential chain)");
        }

        foreach (var child in section.GetSection("Retry").GetChildren().Where(c => !KnownRetry.Contains(c.Key)))
        {
            problems.Add($"Retry.{child.Key}: is not a retry setting (known: {string.Join(", ", KnownRetry)})");
        }

        if (section["Endpoint"] is { } endpoint && section["Region"] is not null)
        {
            problems.Add("Endpoint: give Endpoint or Region, not both");
        }
        else if (section["Endpoint"] is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                options.Endpoint = uri;
            }
            else
            {
                problems.Add($"Endpoint: \"{url}\" is not an absolute URL");
            }
        }
        else if (section["Region"] is { } region)
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

        Set(section, "Timeout", problems, (TimeSpan value) => options.Timeout = value);
        Set(section, "MaxRedirects", problems, (int value) => options.MaxRedirects = value);
        Set(section, "MaxResponseBodySize", problems, (long value) => options.MaxResponseBodySize = value);
        Set(section, "AllowHttp", problems, (bool value) => options.AllowHttp = value);
        if (section["LockDirectory"] is { } lockDirectory)
        {
            options.LockDirectory = lockDirectory;
        }

        var retry = section.GetSection("Retry");
        Set(retry, "MaxRetries", problems, (int value) => options.Retry.MaxRetries = value, "Retry.");
        Set(retry, "BaseDelay", problems, (TimeSpan value) => options.Retry.BaseDelay = value, "Retry.");
        Set(retry, "MaxDelay", problems, (TimeSpan value) => options.Retry.MaxDelay = value, "Retry.");
        Set(retry, "MaxRetryAfter", problems, (TimeSpan value) => options.Retry.MaxRetryAfter = value, "Retry.");
        Set(retry, "AttemptTimeout", problems, (TimeSpan value) => options.Retry.AttemptTimeout = value, "Retry.");

        if (problems.Count > 0)
        {
            var prefix = string.IsNullOrEmpty(path) ? string.Empty : path + ":";
            throw new FleetClientOptionsException(problems.Select(p => FleetOptionViolation.Parse(prefix + p)).ToList());
        }
    }

    private static void Set<T>(IConfiguration section, string key, List<string> problems, Action<T> set, string prefix = "")
        where T : ISpanParsable<T>
    {
        if (section[key] is not { } text)
        {
            return;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            problems.Add($"{prefix}{key}: \"{text}\" is not a {typeof(T).Name}");
        }
    }
}
