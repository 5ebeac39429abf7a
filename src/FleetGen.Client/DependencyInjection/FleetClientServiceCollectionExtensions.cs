using FleetGen.Client;
using FleetGen.Client.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="FleetClient"/> with Microsoft.Extensions.DependencyInjection, on top of <c>IHttpClientFactory</c>:
/// one unkeyed client, and any number of keyed ones (<c>[FromKeyedServices("intl")] FleetClient intl</c>). Options are
/// validated when the host starts, naming the option that is wrong.
/// </summary>
public static class FleetClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that FleetGen registers with <c>IHttpClientFactory</c> (keyed clients: <c>FleetGen:{key}</c>).</summary>
    public const string HttpClientName = "FleetGen";

    /// <summary>
    /// Registers the singleton <see cref="FleetClient"/> configured by <paramref name="configure"/> (credentials, when it
    /// sets none: the default chain, <see cref="FleetGen.Client.Authentication.FleetCredentials.Default"/>). Returns the builder
    /// of its <c>HttpClient</c>, for handlers of your own: they run outside FleetGen's pipeline, once per call, before
    /// retries and authentication, so they never see a credential and cannot break a signature.
    /// </summary>
    /// <exception cref="InvalidOperationException">An unkeyed FleetClient is registered already.</exception>
    public static IHttpClientBuilder AddFleetClient(this IServiceCollection services, Action<FleetClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, key: null, section: null, configure);
    }

    /// <summary>
    /// Registers the singleton <see cref="FleetClient"/> from a configuration section (<see cref="FleetClientConfiguration"/>
    /// says which keys), then <paramref name="configure"/>. Credentials come from the environment unless
    /// <paramref name="configure"/> sets them; they are never read from configuration.
    /// </summary>
    public static IHttpClientBuilder AddFleetClient(this IServiceCollection services, IConfiguration section, Action<FleetClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(services, key: null, section, configure);
    }

    /// <summary>Registers a <see cref="FleetClient"/> under <paramref name="key"/>, configured by <paramref name="configure"/>.</summary>
    /// <exception cref="InvalidOperationException">A FleetClient with this key is registered already.</exception>
    public static IHttpClientBuilder AddKeyedFleetClient(this IServiceCollection services, string key, Action<FleetClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, key, section: null, configure);
    }

    /// <summary>Registers a <see cref="FleetClient"/> under <paramref name="key"/> from a configuration section, then <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder AddKeyedFleetClient(this IServiceCollection services, string key, IConfiguration section, Action<FleetClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(section);
        return Register(services, key, section, configure);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string? key, IConfiguration? section, Action<FleetClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(FleetClient) && Equals(d.ServiceKey, key)))
        {
            throw new InvalidOperationException(key is null
                ? "A FleetClient is registered already; register further clients with AddKeyedFleetClient(key, ...)."
                : $"A FleetClient with the key \"{key}\" is registered already.");
        }

        var optionsName = key ?? Options.Options.DefaultName;
        var httpClientName = key is null ? HttpClientName : $"{HttpClientName}:{key}";
        var telemetryKey = $"{HttpClientName}:telemetry:{key}";
        var settingsKey = $"{HttpClientName}:settings:{key}";
        var options = services.AddOptions<FleetClientOptions>(optionsName);
        if (section is not null)
        {
            options.Configure(o => FleetClientConfiguration.Bind(section, o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FleetClientOptions>, FleetClientOptionsValidator>());

        // The options, checked once for the client, its handlers (at every handler rotation) and its telemetry.
        services.AddKeyedSingleton(settingsKey, (sp, _) => sp.GetRequiredService<IOptionsMonitor<FleetClientOptions>>().Get(optionsName).Checked());
        FleetClientOptions Settings(IServiceProvider sp) => sp.GetRequiredKeyedService<FleetClientOptions>(settingsKey);
        services.AddKeyedSingleton(telemetryKey, (sp, _) =>
        {
            var settings = Settings(sp);
            return new FleetTelemetry(settings.LoggerFactory ?? sp.GetService<ILoggerFactory>(), settings.MeterFactory ?? sp.GetService<System.Diagnostics.Metrics.IMeterFactory>());
        });

        // FleetGen's handlers are the primary handler's chain: whatever the builder adds runs outside them.
        var builder = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var settings = Settings(sp);
                var handlers = FleetHandlerPipeline.Handlers(settings, sp.GetRequiredKeyedService<FleetTelemetry>(telemetryKey));
                return FleetHandlerPipeline.Chain(handlers, FleetHandlerPipeline.Transport(settings));
            });

        FleetClient Create(IServiceProvider sp) => new(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            Settings(sp),
            sp.GetRequiredKeyedService<FleetTelemetry>(telemetryKey));
        if (key is null)
        {
            services.AddSingleton(Create);
        }
        else
        {
            services.AddKeyedSingleton(key, (sp, _) => Create(sp));
        }

        return builder;
    }

    /// <summary>Checks every named FleetClientOptions at start-up (ValidateOnStart), naming the options that are wrong.</summary>
    private sealed class FleetClientOptionsValidator : IValidateOptions<FleetClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, FleetClientOptions options)
        {
            try
            {
                options.Checked();
                return ValidateOptionsResult.Success;
            }
            catch (FleetClientOptionsException e)
            {
                var client = string.IsNullOrEmpty(name) ? "FleetClient" : $"FleetClient \"{name}\"";
                return ValidateOptionsResult.Fail(e.Violations.Select(v => $"{client}: {v}"));
            }
        }
    }
}
