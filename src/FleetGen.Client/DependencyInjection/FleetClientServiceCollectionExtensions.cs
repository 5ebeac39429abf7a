using FleetGen.Client;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="FleetClient"/> with Microsoft.Extensions.DependencyInjection, on top of <c>IHttpClientFactory</c>.</summary>
public static class FleetClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that FleetGen registers with <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "FleetGen";

    /// <summary>
    /// Registers a singleton <see cref="FleetClient"/> configured by <paramref name="configure"/>, whose requests go
    /// through a named <c>IHttpClientFactory</c> client with FleetGen's handlers. Returns the client's builder, for
    /// adding handlers of your own (they run outside FleetGen's).
    /// </summary>
    public static IHttpClientBuilder AddFleetClient(this IServiceCollection services, Action<FleetClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FleetClientOptions>().Configure(configure);
        services.AddSingleton<FleetClientSettings>(sp => new FleetClientSettings(sp.GetRequiredService<IOptions<FleetClientOptions>>().Value.Checked()));

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => FleetHandlerPipeline.Transport(sp.GetRequiredService<FleetClientSettings>().Options));
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            foreach (var handler in FleetHandlerPipeline.Handlers(sp.GetRequiredService<FleetClientSettings>().Options))
            {
                handlers.Add(handler);
            }
        });
        services.AddSingleton(sp => new FleetClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<FleetClientSettings>().Options));
        return builder;
    }

    /// <summary>The options, checked once.</summary>
    private sealed record FleetClientSettings(FleetClientOptions Options);
}
