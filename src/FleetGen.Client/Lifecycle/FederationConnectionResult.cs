using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>The fleet's federation connection after <see cref="FleetClient.EnsureFederationConnectionAsync"/>.</summary>
/// <param name="EndpointId">The VPC endpoint's id (opaque).</param>
/// <param name="Endpoint">The endpoint as the fleet lists it; <c>null</c> when it was just created and the fleet does not list it yet.</param>
/// <param name="Created">Whether this call created it.</param>
public sealed record FederationConnectionResult(string EndpointId, ConnectGatewayEndpoint? Endpoint, bool Created);
