using FleetGen.Client.Http;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Models;
using FleetGen.Client.Serialization;
using FleetGen.Client.Validation;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace FleetGen.Client;

/// <summary>
/// The UCS federation client: validates requests against the contract before sending, authenticates with a token or
/// AK/SK, retries only what is safe to retry, and raises <see cref="UcsApiException"/> for every service error.
/// Thread-safe; create one and keep it (or register it with <c>services.AddFleetClient(...)</c>).
/// </summary>
public class FleetClient : IDisposable
{
    private readonly HttpClient? ownedHttpClient;
    private readonly HttpClient? httpClient;
    private readonly string baseUrl = string.Empty;
    private readonly Lazy<UcsApiClient>? api;

    /// <summary>Creates a client that owns its HTTP pipeline; dispose it when done.</summary>
    public FleetClient(FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Checked();
        var transport = FleetHandlerPipeline.Transport(settings);
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(settings), transport);
        ownedHttpClient = new HttpClient(pipeline, disposeHandler: settings.Transport is null) { Timeout = Timeout.InfiniteTimeSpan };
        httpClient = ownedHttpClient;
        (Endpoint, baseUrl, api) = Create(ownedHttpClient, settings);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers are FleetGen's (as <c>AddFleetClient</c> builds it).</summary>
    internal FleetClient(HttpClient pipelineClient, FleetClientOptions checkedOptions)
    {
        httpClient = pipelineClient;
        (Endpoint, baseUrl, api) = Create(pipelineClient, checkedOptions);
    }

    /// <summary>For mocking frameworks: a client without a pipeline, whose members must all be overridden.</summary>
    protected FleetClient()
    {
        Endpoint = UcsEndpoints.ChineseMainland;
    }

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>The generated client, for the fluent path (<c>Api.V1.Clustergroups[id].Cert.PostAsync(...)</c>), with the same authentication, retries and errors.</summary>
    public virtual UcsApiClient Api => api?.Value!;

    /// <summary>
    /// CreateFederationCert: creates the VPC endpoint to the federation API server of a fleet and returns its
    /// kubeconfig (see <see cref="Kubeconfig.MergeIntoAsync"/> and <see cref="Kubeconfig.SaveAsync"/>): one cluster, one
    /// user and one context, all named <see cref="Kubeconfig.NameForFleet"/>. What it allows that weakens the connection
    /// is listed by <see cref="Kubeconfig.GetSecurityWarnings"/>.
    /// </summary>
    /// <param name="fleetId">The fleet (cluster group) id; sent as one encoded path segment, whatever its characters.</param>
    /// <param name="request">The project, VPC and subnet of the endpoint, and the certificate's validity in days.</param>
    /// <param name="cancellationToken">Cancels the call, retry waits included.</param>
    /// <exception cref="FleetValidationException">The request breaks the contract; nothing was sent.</exception>
    /// <exception cref="UcsApiException">
    /// The service answered with an error, or with a body that is not a usable federation kubeconfig (more than one
    /// entry, a user that runs a command or holds anything but certificate data and a token, a key that does not match
    /// its certificate, a field of the wrong type, a body cut short or larger than <see cref="FleetClientOptions.MaxResponseBodySize"/>).
    /// </exception>
    /// <exception cref="TimeoutException">The call took longer than <see cref="FleetClientOptions.Timeout"/>.</exception>
    public virtual async Task<Kubeconfig> CreateFederationCertAsync(string fleetId, CreateFederationCertRequestBody request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathViolations = PathParameterRules.CreateFederationCert(fleetId);
        var bodyViolations = request.GetContractViolations();
        if (pathViolations.Count + bodyViolations.Count > 0)
        {
            throw new FleetValidationException([.. pathViolations, .. bodyViolations]);
        }

        using var message = ContractRequests.CreateFederationCert(baseUrl, fleetId, request);
        using var response = await httpClient!.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return await FederationKubeconfigAnswer.ReadAsync(response, fleetId, SecretRedactor.For(message, response.RequestMessage), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP pipeline when this client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ownedHttpClient?.Dispose();
        }
    }

    /// <summary>The generated client is made on first use of <see cref="Api"/>: the façade's calls do not need Kiota's request adapter.</summary>
    private static (Uri Endpoint, string BaseUrl, Lazy<UcsApiClient> Api) Create(HttpClient httpClient, FleetClientOptions settings)
    {
        var baseUrl = settings.Endpoint.GetLeftPart(UriPartial.Authority);
        return (settings.Endpoint, baseUrl, new Lazy<UcsApiClient>(() => new UcsApiClient(
            new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), FleetSerialization.ParseNodeFactory, FleetSerialization.SerializationWriterFactory, httpClient)
            {
                BaseUrl = baseUrl,
            })));
    }
}
