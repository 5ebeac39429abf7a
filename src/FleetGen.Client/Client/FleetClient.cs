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

    /// <summary>Creates a client that owns its HTTP pipeline; dispose it when done.</summary>
    public FleetClient(FleetClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Checked();
        var transport = FleetHandlerPipeline.Transport(settings);
        var pipeline = FleetHandlerPipeline.Chain(FleetHandlerPipeline.Handlers(settings), transport);
        ownedHttpClient = new HttpClient(pipeline, disposeHandler: settings.Transport is null) { Timeout = Timeout.InfiniteTimeSpan };
        (Endpoint, Api) = Create(ownedHttpClient, settings);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers are FleetGen's (as <c>AddFleetClient</c> builds it).</summary>
    internal FleetClient(HttpClient pipelineClient, FleetClientOptions checkedOptions)
    {
        (Endpoint, Api) = Create(pipelineClient, checkedOptions);
    }

    /// <summary>For mocking frameworks: a client without a pipeline, whose members must all be overridden.</summary>
    protected FleetClient()
    {
        Endpoint = UcsEndpoints.ChineseMainland;
        Api = null!;
    }

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>The generated client, for the fluent path (<c>Api.V1.Clustergroups[id].Cert.PostAsync(...)</c>), with the same authentication, retries and errors.</summary>
    public virtual UcsApiClient Api { get; }

    /// <summary>
    /// CreateFederationCert: creates the VPC endpoint to the federation API server of a fleet and returns its
    /// kubeconfig (see <see cref="Kubeconfig.MergeIntoAsync"/> and <see cref="Kubeconfig.SaveAsync"/>).
    /// </summary>
    /// <param name="fleetId">The fleet (cluster group) id; sent as one encoded path segment, whatever its characters.</param>
    /// <param name="request">The project, VPC and subnet of the endpoint, and the certificate's validity in days.</param>
    /// <param name="cancellationToken">Cancels the call, retry waits included.</param>
    /// <exception cref="FleetValidationException">The request breaks the contract; nothing was sent.</exception>
    /// <exception cref="UcsApiException">The service answered with an error, or with a body that is not a usable kubeconfig.</exception>
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

        var metadata = new ResponseMetadataOption();
        Kubeconfig? config;
        try
        {
            config = await Api.V1.Clustergroups[fleetId].Cert
                .PostAsync(request, r => r.Options.Add(metadata), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (metadata.StatusCode is { } status && e is not OperationCanceledException and not UcsApiException)
        {
            throw UcsApiException.MalformedSuccess(status, $"it could not be read ({e.GetType().Name}: {e.Message})", metadata.RequestId, e);
        }

        var success = metadata.StatusCode ?? 0;
        if (config is null)
        {
            throw UcsApiException.MalformedSuccess(success, "the body is empty", metadata.RequestId);
        }

        return KubeconfigValidator.IsStructurallyValid(config)
            ? config
            : throw UcsApiException.MalformedSuccess(success, string.Join("; ", KubeconfigValidator.StructureProblems(config)), metadata.RequestId);
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

    private static (Uri Endpoint, UcsApiClient Api) Create(HttpClient httpClient, FleetClientOptions settings)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), FleetSerialization.ParseNodeFactory, FleetSerialization.SerializationWriterFactory, httpClient)
        {
            BaseUrl = settings.Endpoint.GetLeftPart(UriPartial.Authority),
        };
        return (settings.Endpoint, new UcsApiClient(adapter));
    }
}
